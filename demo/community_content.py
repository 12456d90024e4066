"""Demo country profiles and partner stories, written for this project.

Country profiles are deliberately general. Associations and library schools listed are
real; people and institutions in the stories are invented for the demo, which is why
institutions are described rather than named. Tags come from the vocabulary shared with
demo.topic_content."""

COUNTRIES_INTRO = (
    "<p>Where our members work, and how libraries are organised there. Each profile gives "
    "a short overview of the library landscape, with national associations and schools of "
    "library and information science. The profiles are deliberately general: your partner "
    "will tell you far more than any overview can.</p>"
)
STORIES_INTRO = (
    "<p>What partners learned from each other, and what they changed when they went back "
    "to work. Each story was written with the partners involved and is shared with their "
    "permission.</p>"
)

COUNTRIES = [
    # Asia and the Pacific
    {
        "slug": "new-zealand",
        "title": "New Zealand",
        "code": "NZ",
        "region": "asia-pacific",
        "summary": (
            "Council-run public libraries that act as community hubs, a national library that "
            "supports schools, and a bicultural practice grounded in te reo Māori."
        ),
        "landscape": [
            "Public libraries in New Zealand are run by city and district councils, and most "
            "towns of any size have one. Many have become community hubs, offering free "
            "internet access, help with government services and programmes for all ages.",
            "The National Library of New Zealand collects the country's documentary heritage "
            "and supports school libraries. School libraries vary widely, from well-staffed "
            "libraries in large secondary schools to small collections looked after by a "
            "teacher or a volunteer.",
            "Bicultural practice is a strong thread in the profession. Libraries use te reo "
            "Māori in signs and services, work with iwi and hapū on collections about them, "
            "and describe material with Māori subject headings.",
        ],
        "associations": [
            "Library and Information Association of New Zealand Aotearoa (LIANZA)",
            "Te Rōpū Whakahau",
        ],
        "lis_schools": [
            "Victoria University of Wellington (Te Herenga Waka)",
            "Open Polytechnic of New Zealand",
        ],
        "languages": "English, te reo Māori, New Zealand Sign Language",
    },
    {
        "slug": "australia",
        "title": "Australia",
        "code": "AU",
        "region": "asia-pacific",
        "summary": (
            "Council-run public libraries, strong state libraries, long distances to cover, "
            "and protocols for working with Aboriginal and Torres Strait Islander communities."
        ),
        "landscape": [
            "Public libraries in Australia are mostly run by local councils, with support from "
            "state and territory governments. Each state and territory has its own major "
            "library, and the National Library of Australia in Canberra collects material from "
            "across the country.",
            "Distance shapes library work. Regional and remote libraries use mobile services, "
            "online collections and partnerships with schools and community centres to reach "
            "people spread across large areas.",
            "Many libraries and archives follow protocols developed by Aboriginal and Torres "
            "Strait Islander library professionals, covering how collections about Indigenous "
            "peoples are described, accessed and cared for.",
        ],
        "associations": [
            "Australian Library and Information Association (ALIA)",
            "Australian School Library Association (ASLA)",
        ],
        "lis_schools": ["Charles Sturt University", "Curtin University"],
        "languages": "English, and many Aboriginal and Torres Strait Islander languages",
    },
    {
        "slug": "japan",
        "title": "Japan",
        "code": "JP",
        "region": "asia-pacific",
        "summary": (
            "Public libraries run by local governments, school libraries required by law, "
            "strong children's services and a national library that also serves parliament."
        ),
        "landscape": [
            "Japan has public libraries in most cities and many towns, run by local "
            "governments. Children's services are a particular strength, and reading aloud to "
            "young children is a familiar part of library life.",
            "Schools are required by law to have a library, and teacher librarians play an "
            "important part in reading education. The National Diet Library serves the "
            "national parliament and is also the country's national library.",
            "University libraries are active in open access, and many institutions run their "
            "own repositories for research papers and theses.",
        ],
        "associations": ["Japan Library Association"],
        "lis_schools": ["University of Tsukuba", "Keio University"],
        "languages": "Japanese",
    },
    {
        "slug": "india",
        "title": "India",
        "code": "IN",
        "region": "asia-pacific",
        "summary": (
            "Large university and research libraries, state public library systems, school "
            "libraries and village reading rooms, working in many languages."
        ),
        "landscape": [
            "India's libraries range from large university and research libraries to small "
            "village reading rooms. Public libraries are a state responsibility, and several "
            "states have passed public library laws to support them.",
            "The country has a proud tradition in library science. S. R. Ranganathan, who "
            "proposed the five laws of library science, is remembered across the profession, "
            "and his birthday is celebrated as National Librarians' Day.",
            "Working in many languages is everyday reality. Libraries collect in Hindi, "
            "English and regional languages, and community libraries often help children read "
            "in their home languages.",
        ],
        "associations": ["Indian Library Association"],
        "lis_schools": [
            "University of Delhi, Department of Library and Information Science",
            "Documentation Research and Training Centre (DRTC), Indian Statistical "
            "Institute, Bengaluru",
        ],
        "languages": (
            "Hindi, English and many other languages, including Bengali, Marathi, Tamil, "
            "Telugu and Urdu"
        ),
    },
    {
        "slug": "philippines",
        "title": "Philippines",
        "code": "PH",
        "region": "asia-pacific",
        "summary": (
            "A licensed profession, public libraries run by local governments, and libraries "
            "with hard-won experience of serving communities after typhoons and floods."
        ),
        "landscape": [
            "Librarianship in the Philippines is a licensed profession: librarians pass a "
            "national licensure examination. Public libraries are run by local governments, "
            "many of them affiliated with the National Library of the Philippines.",
            "Typhoons, floods and earthquakes are part of life in many regions, and libraries "
            "have built up experience in disaster preparedness and in serving communities "
            "during recovery.",
            "Academic and school libraries are numerous, and librarians often work in Filipino "
            "and English as well as a regional language.",
        ],
        "associations": ["Philippine Librarians Association, Inc. (PLAI)"],
        "lis_schools": [
            "University of the Philippines Diliman, School of Library and Information Studies"
        ],
        "languages": (
            "Filipino, English, and many regional languages including Cebuano, Ilocano and "
            "Hiligaynon"
        ),
    },
    # Africa
    {
        "slug": "kenya",
        "title": "Kenya",
        "code": "KE",
        "region": "africa",
        "summary": (
            "A national library service with branches across the country, many community "
            "libraries, and university libraries that have grown with higher education."
        ),
        "landscape": [
            "The Kenya National Library Service runs public libraries in towns across the "
            "country. Alongside them, community libraries started by local organisations serve "
            "villages and urban neighbourhoods, often with a focus on children and young "
            "people.",
            "University libraries have grown with the expansion of higher education, and many "
            "are active in digitisation and institutional repositories.",
            "Libraries work mainly in English and Kiswahili, and librarians increasingly look "
            "for ways to record and share knowledge held in the country's other languages.",
        ],
        "associations": ["Kenya Library Association"],
        "lis_schools": ["Moi University", "Kenyatta University"],
        "languages": (
            "English, Kiswahili, and many other languages including Kikuyu, Dholuo, Luhya "
            "and Kalenjin"
        ),
    },
    {
        "slug": "ghana",
        "title": "Ghana",
        "code": "GH",
        "region": "africa",
        "summary": (
            "A national public library network, lively community libraries, and growing work "
            "to put books in Ghanaian languages into children's hands."
        ),
        "landscape": [
            "Public libraries in Ghana are run by a national library authority, with branches "
            "in every region, children's libraries and mobile services. Community libraries "
            "supported by NGOs and local groups add to this network, especially in rural "
            "areas.",
            "University libraries are among the best resourced in the country and often lead "
            "in digital services and repositories.",
            "Reading promotion in Ghanaian languages is an active area, with libraries, "
            "publishers and schools working to make more local-language books available.",
        ],
        "associations": ["Ghana Library Association"],
        "lis_schools": ["University of Ghana, Department of Information Studies"],
        "languages": "English, and Ghanaian languages including Akan (Twi), Ewe, Ga and Dagbani",
    },
    {
        "slug": "nigeria",
        "title": "Nigeria",
        "code": "NG",
        "region": "africa",
        "summary": (
            "One of Africa's largest library professions, with public libraries run by state "
            "library boards and a fast-growing university sector."
        ),
        "landscape": [
            "Nigeria has one of the largest library professions in Africa. Public libraries "
            "are largely run by state library boards, and the National Library of Nigeria "
            "leads national bibliographic work.",
            "Universities have grown quickly, and their libraries face familiar challenges: "
            "large numbers of students, unreliable electricity and the cost of journals. Many "
            "librarians are active researchers and advocates of open access.",
            "Librarians are registered with a national council, and the national association "
            "has chapters across the states.",
        ],
        "associations": ["Nigerian Library Association"],
        "lis_schools": ["University of Ibadan", "Ahmadu Bello University"],
        "languages": "English, Hausa, Yoruba, Igbo and hundreds of other languages",
    },
    {
        "slug": "south-africa",
        "title": "South Africa",
        "code": "ZA",
        "region": "africa",
        "summary": (
            "Public libraries funded by provinces and municipalities, a strong national "
            "association, and continuing work to bring libraries to communities long excluded."
        ),
        "landscape": [
            "Public libraries in South Africa are funded by the provinces and, in many places, "
            "run by municipalities. Since the end of apartheid, new libraries have been built "
            "in townships and rural areas that previously had little or no library service.",
            "School libraries are unevenly spread, and many schools have none. Librarians, "
            "NGOs and reading organisations work to fill the gap with classroom collections, "
            "reading clubs and mobile services.",
            "With many official languages, reading promotion in learners' home languages is "
            "an important part of library work.",
        ],
        "associations": ["Library and Information Association of South Africa (LIASA)"],
        "lis_schools": ["University of Pretoria", "University of Cape Town"],
        "languages": (
            "isiZulu, isiXhosa, Afrikaans, English, Sepedi, Setswana, Sesotho and other "
            "official languages, and South African Sign Language"
        ),
    },
    {
        "slug": "senegal",
        "title": "Senegal",
        "code": "SN",
        "region": "africa",
        "summary": (
            "Home to a long-established library school that has trained librarians from across "
            "francophone Africa, and to a network of university, public and community libraries."
        ),
        "landscape": [
            "Senegal's library school in Dakar, founded in the 1960s, has trained librarians, "
            "archivists and documentalists from across francophone Africa for decades.",
            "University libraries, the national archives and the libraries of research "
            "institutes are an important part of the landscape. Public reading is supported "
            "by the state and by community libraries and reading centres.",
            "Library collections are mostly in French, while everyday life takes place largely "
            "in Wolof and other national languages, which shapes how libraries promote "
            "reading.",
        ],
        "associations": [
            "Association Sénégalaise des Bibliothécaires, Archivistes et Documentalistes (ASBAD)"
        ],
        "lis_schools": [
            "École de Bibliothécaires, Archivistes et Documentalistes (EBAD), Université "
            "Cheikh Anta Diop de Dakar"
        ],
        "languages": "French, Wolof, Pulaar, Serer and other national languages",
    },
    # Americas
    {
        "slug": "brazil",
        "title": "Brazil",
        "code": "BR",
        "region": "americas",
        "summary": (
            "A regulated profession, municipal public libraries across a continent-sized "
            "country, lively community libraries and a strong open access movement."
        ),
        "landscape": [
            "Librarianship in Brazil is a regulated profession with federal and regional "
            "councils, and many universities offer degrees in librarianship. Public libraries "
            "are mostly municipal, supported by state and national library systems.",
            "Community libraries started by residents, collectives and NGOs are an important "
            "part of the landscape, especially on the edges of large cities and in rural "
            "areas.",
            "Brazil is active in open access, with many scholarly journals published openly "
            "and repositories in universities across the country.",
        ],
        "associations": [
            "Federação Brasileira de Associações de Bibliotecários, Cientistas da Informação "
            "e Instituições (FEBAB)"
        ],
        "lis_schools": ["Universidade de São Paulo (USP)", "Universidade de Brasília (UnB)"],
        "languages": "Portuguese, Brazilian Sign Language (Libras) and many Indigenous languages",
    },
    {
        "slug": "mexico",
        "title": "Mexico",
        "code": "MX",
        "region": "americas",
        "summary": (
            "A national network of public libraries reaching most municipalities, strong "
            "university libraries and growing attention to Indigenous languages."
        ),
        "landscape": [
            "Mexico's public libraries form a national network coordinated by the federal "
            "government together with states and municipalities. Many are small and are used "
            "above all as study spaces by school students.",
            "University libraries, particularly at the large public universities, are among "
            "the most developed in Latin America.",
            "Many Indigenous languages are recognised as national languages, and libraries in "
            "several states collect and promote reading in languages such as Nahuatl, Maya, "
            "Mixtec and Zapotec.",
        ],
        "associations": ["Asociación Mexicana de Bibliotecarios, A.C. (AMBAC)"],
        "lis_schools": [
            "Escuela Nacional de Biblioteconomía y Archivonomía (ENBA)",
            "Universidad Nacional Autónoma de México (UNAM)",
        ],
        "languages": (
            "Spanish and many Indigenous languages, including Nahuatl, Yucatec Maya, Mixtec "
            "and Zapotec"
        ),
    },
    {
        "slug": "colombia",
        "title": "Colombia",
        "code": "CO",
        "region": "americas",
        "summary": (
            "A national network of public libraries, large city libraries designed as "
            "community centres, and libraries that work with communities affected by conflict."
        ),
        "landscape": [
            "Colombia's national network of public libraries, coordinated by the National "
            "Library, reaches towns across the country. Medellín and Bogotá are known for "
            "large public libraries designed as community and cultural centres, such as "
            "Medellín's library parks.",
            "Libraries in many regions work with communities affected by armed conflict, "
            "through reading programmes, local memory projects and cultural activities.",
            "Rural library services reach people by boat, by bus and, in one well-known "
            "project, by donkey.",
        ],
        "associations": ["Asociación Colombiana de Bibliotecólogos y Documentalistas (ASCOLBI)"],
        "lis_schools": ["Universidad de Antioquia, Escuela Interamericana de Bibliotecología"],
        "languages": "Spanish, and many Indigenous and Creole languages",
    },
    {
        "slug": "canada",
        "title": "Canada",
        "code": "CA",
        "region": "americas",
        "summary": (
            "Well-used municipal public libraries, services in English and French, and a "
            "profession working towards reconciliation with Indigenous peoples."
        ),
        "landscape": [
            "Public libraries in Canada are funded mainly by municipalities under provincial "
            "and territorial laws, and are among the most used public services in many "
            "communities. Library and Archives Canada preserves the country's documentary "
            "heritage.",
            "Libraries work in English and French, and many also serve large immigrant "
            "communities with collections and programmes in other languages.",
            "Canadian libraries are increasingly engaged in reconciliation with First Nations, "
            "Métis and Inuit peoples, including reviewing how their collections describe them.",
        ],
        "associations": [
            "Canadian Federation of Library Associations (CFLA-FCAB)",
            "Ontario Library Association",
        ],
        "lis_schools": [
            "University of Toronto, Faculty of Information",
            "Université de Montréal, École de bibliothéconomie et des sciences de "
            "l'information (EBSI)",
            "University of British Columbia, School of Information",
        ],
        "languages": "English, French, and many Indigenous languages",
    },
    {
        "slug": "united-states",
        "title": "United States",
        "code": "US",
        "region": "americas",
        "summary": (
            "Public libraries funded mostly by local government, large academic and school "
            "library sectors, and a long tradition of advocacy for intellectual freedom."
        ),
        "landscape": [
            "Most public libraries in the United States are funded by local government, so "
            "services vary a great deal from place to place. Libraries often provide free "
            "internet access, help with job seeking and programmes for all ages.",
            "School and academic libraries are large sectors of their own, and many librarians "
            "hold a master's degree from a programme accredited by the American Library "
            "Association.",
            "Intellectual freedom and equal access are central values of the profession, and "
            "librarians and their associations advocate for them at local, state and national "
            "level.",
        ],
        "associations": ["American Library Association (ALA)", "Medical Library Association"],
        "lis_schools": [
            "University of Illinois Urbana-Champaign, School of Information Sciences",
            "University of Washington, Information School",
            "University of North Carolina at Chapel Hill, School of Information and Library "
            "Science",
        ],
        "languages": "English, Spanish and many other languages",
    },
    # Europe
    {
        "slug": "united-kingdom",
        "title": "United Kingdom",
        "code": "GB",
        "region": "europe",
        "summary": (
            "Public libraries run by local authorities in four nations, strong academic "
            "libraries, and communities that campaign for their local branch."
        ),
        "landscape": [
            "Public libraries in the United Kingdom are run by local authorities, with "
            "different arrangements in England, Scotland, Wales and Northern Ireland. Many "
            "communities have campaigned to keep their local library open, and some branches "
            "are now run by volunteers.",
            "Academic libraries are well developed and active in open access and research "
            "data support. The British Library and the national libraries of Scotland and "
            "Wales hold major national collections.",
            "The profession has a chartered body that offers professional registration, and "
            "many librarians work towards chartership during their careers.",
        ],
        "associations": ["CILIP: the Library and Information Association"],
        "lis_schools": [
            "University College London, Department of Information Studies",
            "University of Sheffield, Information School",
            "Aberystwyth University, Department of Information Studies",
        ],
        "languages": "English, Welsh, Scottish Gaelic, Irish, Scots, British Sign Language",
    },
    {
        "slug": "finland",
        "title": "Finland",
        "code": "FI",
        "region": "europe",
        "summary": (
            "Heavily used municipal libraries governed by a national library act, with a "
            "tradition of lending far more than books."
        ),
        "landscape": [
            "Finland's public libraries are run by municipalities under a national public "
            "libraries act. They are among the most used public services in the country, and "
            "mobile libraries reach small villages and rural areas.",
            "Many libraries lend more than books, from sports equipment and tools to musical "
            "instruments, and offer spaces for making, meeting and studying.",
            "Libraries serve Finnish and Swedish speakers, provide material in the Sámi "
            "languages, and build collections for a growing number of readers with other home "
            "languages.",
        ],
        "associations": ["Finnish Library Association (Suomen Kirjastoseura)"],
        "lis_schools": ["Tampere University", "Åbo Akademi University", "University of Oulu"],
        "languages": "Finnish, Swedish, Sámi languages",
    },
    {
        "slug": "croatia",
        "title": "Croatia",
        "code": "HR",
        "region": "europe",
        "summary": (
            "City and municipal libraries with mobile services for islands and villages, a "
            "national and university library in Zagreb, and active reading promotion."
        ),
        "landscape": [
            "Croatia's public libraries are mostly city and municipal libraries, many with "
            "branches and mobile libraries that serve islands and rural areas.",
            "The National and University Library in Zagreb is both the national library and "
            "the central library of the University of Zagreb.",
            "Librarians are active in reading promotion, especially for children and young "
            "people, and in projects on local history and heritage.",
        ],
        "associations": ["Croatian Library Association (Hrvatsko knjižničarsko društvo)"],
        "lis_schools": [
            "University of Zagreb, Faculty of Humanities and Social Sciences",
            "Josip Juraj Strossmayer University of Osijek, Faculty of Humanities and Social "
            "Sciences",
            "University of Zadar",
        ],
        "languages": "Croatian",
    },
    # Middle East and North Africa
    {
        "slug": "jordan",
        "title": "Jordan",
        "code": "JO",
        "region": "middle-east",
        "summary": (
            "Well-established university libraries, public libraries run by municipalities "
            "and foundations, and reading programmes that reach refugee communities."
        ),
        "landscape": [
            "Public libraries in Jordan are run mainly by municipalities and foundations, and "
            "the national library collects the country's publications.",
            "University libraries are well established, and several universities teach "
            "library and information science at bachelor's and master's level.",
            "Jordan hosts large refugee communities, and libraries, schools and NGOs run "
            "reading programmes for children in host communities and camps.",
        ],
        "associations": ["Jordan Library and Information Association"],
        "lis_schools": [
            "University of Jordan, School of Educational Sciences",
            "Zarqa University, Department of Library and Information Science",
        ],
        "languages": "Arabic, with English widely used",
    },
    {
        "slug": "lebanon",
        "title": "Lebanon",
        "code": "LB",
        "region": "middle-east",
        "summary": (
            "A strong academic library sector with active consortia, public libraries "
            "supported by municipalities and NGOs, and daily work in three languages."
        ),
        "landscape": [
            "Lebanon has many universities, and its academic libraries are among the most "
            "developed in the region, with consortia that share electronic resources.",
            "Public libraries are often run by municipalities together with NGOs, and several "
            "organisations work to open and support public libraries and reading programmes "
            "in towns across the country.",
            "Libraries work in Arabic, French and English, often all three at once, and their "
            "collections reflect this.",
        ],
        "associations": ["Lebanese Library Association"],
        "lis_schools": ["Lebanese University, Faculty of Information"],
        "languages": "Arabic, French, English, Armenian",
    },
]

STORIES = [
    {
        "slug": "two-reading-rooms",
        "title": "Two reading rooms, one plan",
        "year": 2014,
        "round_label": "Round 1",
        "partners": [
            ("Aroha Tane", "NZ", "Branch public library, Wellington"),
            ("Kwame Asante", "GH", "Community library, Accra"),
        ],
        "summary": (
            "A branch librarian in Wellington and a community librarian in Accra swapped their "
            "programme calendars and found a shared interest: reading aloud in the languages "
            "children hear at home."
        ),
        "pull_quote": (
            "I had been running story times in te reo Māori for years. Kwame showed me that "
            "the parents at the back of the room were the real audience."
        ),
        "body": [
            "Aroha and Kwame were matched in the network's very first round. On paper their "
            "libraries had little in common: a council branch library open seven days a week, "
            "and a single reading room in Accra shared with a primary school. In their first "
            "messages they sent each other their programme calendars for the month, and both "
            "were surprised by how full the other's was.",
            "The conversation soon turned to language. Aroha ran bilingual story times in "
            "English and te reo Māori; Kwame had started reading stories written by local "
            "teachers in Twi. Both had noticed that parents who rarely came to the library "
            "turned up when the stories were in their own language.",
            "Kwame learned from Aroha how to plan a regular series rather than one-off events, "
            "with the same day, the same time and a simple sign-up sheet. His Twi story hour "
            "now happens every Saturday, and parents take turns reading.",
            "Aroha changed the way she thinks about her audience. She began inviting parents "
            "and grandparents to read in te reo Māori themselves, instead of only reading to "
            "their children. By the end of the round, two grandmothers had become regular "
            "readers.",
            "They still send each other their calendars at the start of each month.",
        ],
        "tags": ["reading promotion", "children and youth", "community outreach"],
    },
    {
        "slug": "lending-more-than-books",
        "title": "Lending more than books",
        "year": 2014,
        "round_label": "Round 1",
        "partners": [
            ("Laura Mejía", "CO", "Library park, Medellín"),
            ("Mikko Lehtonen", "FI", "City library, Tampere"),
        ],
        "summary": (
            "A librarian from one of Medellín's library parks and a Finnish colleague whose "
            "library lends tools and sewing machines learned that a library is what a "
            "community does in it."
        ),
        "pull_quote": (
            "Mikko's library lends drills. Mine lends a public square. We both lend "
            "the same thing really: a reason to come in."
        ),
        "body": [
            "Laura works in a library park, a library built together with a public square, "
            "where many visitors come for the playground and the events before they ever pick "
            "up a book. Mikko works in a city library in Tampere that lends sewing machines, "
            "drills and board games alongside its collections.",
            "Laura was fascinated by the idea of lending objects. After several exchanges "
            "about how Mikko's library managed breakages and returns, she started a small "
            "collection of board games and craft kits that families can borrow for the "
            "weekend. It began with donations from staff and now has its own shelf.",
            "Mikko was struck by how much of Laura's work happens outside the building. With "
            "a colleague, he organised a series of reading and craft afternoons in a park near "
            "the library during the summer, and met families who had never held a library "
            "card.",
            "Both say the most useful thing was having to explain their own library to "
            "someone who found it unusual. Things they had stopped noticing suddenly needed a "
            "reason.",
        ],
        "tags": ["makerspaces", "community outreach"],
    },
    {
        "slug": "a-plan-for-people-not-just-buildings",
        "title": "A disaster plan for people, not just buildings",
        "year": 2014,
        "round_label": "Round 1",
        "partners": [
            ("Jerome Dela Cruz", "PH", "Municipal library, Leyte"),
            ("Hannah Lewis", "AU", "Regional library service, Victoria"),
        ],
        "summary": (
            "A year after a typhoon destroyed much of his library's collection, a Filipino "
            "librarian helped an Australian colleague rewrite her bushfire plan around what "
            "the community would need."
        ),
        "pull_quote": (
            "Jerome asked me what our library would do on the day after a fire. Our plan had "
            "nothing to say about that."
        ),
        "body": [
            "Jerome's library lost most of its ground floor collection in the typhoon of "
            "November 2013. When the round began, he was still rebuilding, and much of what he "
            "wrote to Hannah was about the weeks after the storm: running a generator, letting "
            "people charge their phones, helping families fill in forms.",
            "Hannah's library service had a detailed emergency plan for bushfires, but it was "
            "entirely about the building and the collection. Reading Jerome's messages, she "
            "realised it said nothing about what the library could offer people afterwards.",
            "Over the following months, Hannah and her colleagues added a section on recovery "
            "services: which branch could open as an information point, where to find power, "
            "and how to work with emergency agencies. They also moved the local history "
            "collection to higher shelves.",
            "Jerome, in turn, asked Hannah for help with the paperwork side of recovery. "
            "Together they drafted a short donation request that lists only what the library "
            "needs, which he says saved his small team many hours of sorting unusable gifts.",
        ],
        "tags": ["disaster response", "community outreach"],
    },
    {
        "slug": "three-countries-one-question-a-week",
        "title": "Three countries, one question a week",
        "year": 2015,
        "round_label": "Round 2",
        "partners": [
            ("Yuki Tanaka", "JP", "University library, Osaka"),
            ("Wanjiru Kamau", "KE", "Community library, western Kenya"),
            ("Diego Ramírez", "PE", "Public library, Lima"),
        ],
        "summary": (
            "When numbers in Round 2 were odd, three librarians became a trio. Their rule of "
            "one short question each, in turn, every week, kept the conversation alive across "
            "three time zones."
        ),
        "pull_quote": (
            "With three people, there is always someone who asks the question the other two "
            "were too polite to ask."
        ),
        "body": [
            "Yuki, Wanjiru and Diego were placed in a trio because the round had an odd number "
            "of participants. Their first attempt, long messages copied to everyone, quickly "
            "became hard to follow. So they agreed on a rule: each week, one person asks one "
            "short question, and the other two answer.",
            "Yuki, who works in a university library, asked how her partners reach people who "
            "do not come in. Wanjiru's answers about her library's sewing corner, taught by a "
            "retired tailor, led Yuki to propose a series of skill-sharing sessions run by "
            "students for other students.",
            "Diego had worried that his English was weaker than his partners'. It did not "
            "matter: his questions about how to describe a library's value to local "
            "officials produced the trio's longest thread, and helped him prepare a short "
            "presentation for his district council.",
            "Wanjiru, taking part for the second time, says the trio taught her to listen "
            "differently. When two partners disagree, the third often asks the question that "
            "moves things on. The three still exchange a question from time to time.",
        ],
        "tags": ["professional development", "community outreach", "advocacy"],
    },
    {
        "slug": "the-shelf-nobody-missed",
        "title": "The shelf nobody missed",
        "year": 2015,
        "round_label": "Round 3",
        "partners": [
            ("Sunita Ratnayake", "LK", "Public library, Kandy"),
            ("Anni Korhonen", "FI", "Municipal library, central Finland"),
        ],
        "summary": (
            "A Sri Lankan librarian was shocked by her Finnish partner's habit of discarding "
            "books. Two months later she weeded her first shelf, and her partner rethought how "
            "she explains weeding to others."
        ),
        "pull_quote": "Every book we removed was hiding one that people actually wanted.",
        "body": [
            "When Anni described how her library regularly removes old and unused books, "
            "Sunita's first reaction was dismay. In her library every book had been bought "
            "with great effort, and discarding one felt like wasting public money.",
            "Anni did not try to persuade her. Instead, she sent photos of her shelves and "
            "asked Sunita to send photos of hers. Looking at the two side by side, Sunita "
            "noticed how easily people could find things in Anni's library, and how often her "
            "own users had to ask her for help.",
            "Sunita started small, with a set of encyclopaedias from the 1980s that nobody had "
            "opened in years. She moved new books to the freed space at the front. Loans from "
            "those shelves rose, and no one asked for the encyclopaedias.",
            "Anni says the partnership changed her too. She had always treated weeding as "
            "obvious, and Sunita's questions made her put the reasons into words. She now uses "
            "those explanations when training new colleagues, and is more careful about local "
            "material that cannot be replaced.",
        ],
        "tags": ["collection development", "user experience"],
    },
    {
        "slug": "starting-with-theses",
        "title": "Starting a repository with theses",
        "year": 2015,
        "round_label": "Round 3",
        "partners": [
            ("Farhana Rahman", "BD", "University library, Dhaka"),
            ("Luciana Ferreira", "BR", "University library, Minas Gerais"),
        ],
        "summary": (
            "A librarian asked to set up her university's first repository, with no budget, "
            "was partnered with a colleague who had done it before. Their advice for each "
            "other: start with what you already have."
        ),
        "pull_quote": (
            "I thought I needed software and a budget. Luciana told me I needed a first "
            "collection, and I already had one in a room nobody visits."
        ),
        "body": [
            "Farhana had been asked to build an institutional repository for her university, "
            "with no budget for software and little technical help. Luciana had helped launch "
            "a repository at her own university a few years earlier.",
            "Luciana's main advice was not technical. Theses have to be submitted anyway, she "
            "explained, so they can be the repository's first collection, and a repository "
            "with real content is easier to promote than an empty one. Farhana's university "
            "kept printed theses in a storeroom; by the end of the round, students were also "
            "asked to submit a digital copy.",
            "Luciana, for her part, had been struggling to persuade researchers to deposit "
            "their articles. Farhana suggested asking heads of department to deposit their "
            "own work first, so others could see it done. Luciana tried it with two "
            "departments and says it worked better than any email campaign.",
            "The repository in Dhaka went live the following year. The two still exchange "
            "notes on open access policy and on the questions researchers ask them.",
        ],
        "tags": ["open access", "research support"],
    },
    {
        "slug": "recording-with-not-recording-of",
        "title": "Recording with, not recording of",
        "year": 2016,
        "round_label": "Round 5",
        "partners": [
            ("Joseph Lemayian", "KE", "County public library, Kajiado"),
            ("Rosa Quispe", "PE", "Regional library, Cusco"),
        ],
        "summary": (
            "A Kenyan librarian starting to record elders' stories and a Peruvian librarian "
            "restoring singers' names to old recordings learned together that communities "
            "should decide what is kept and shared."
        ),
        "pull_quote": (
            "Until Rosa asked who decides, I had never thought about it. I was the one deciding."
        ),
        "body": [
            "Joseph had started recording stories told by elders in his county, with a "
            "borrowed recorder and a lot of enthusiasm. Rosa's library holds recordings of "
            "Quechua songs made by researchers decades ago, in which the singers are not even "
            "named.",
            "Rosa's experience made Joseph stop and rethink. She described how her library now "
            "works with the community to add singers' names, and how some songs, which belong "
            "to ceremonies, have been kept offline at the community's request.",
            "Joseph changed the way his project begins. Before any recording, he now holds a "
            "meeting where elders decide which stories are recorded, who may listen to them, "
            "and how they are described in the catalogue.",
            "Rosa learned from Joseph's fresh start. Rather than only correcting old records, "
            "her library has begun inviting community members to record new material on "
            "their own terms, with the library providing equipment and storage.",
        ],
        "tags": ["indigenous knowledge", "community outreach", "collection development"],
    },
    {
        "slug": "book-boxes-and-a-bicycle",
        "title": "Book boxes and a bicycle",
        "year": 2016,
        "round_label": "Round 5",
        "partners": [
            ("Esther Wanyana", "UG", "Public library, Wakiso District"),
            ("Gabriela Mora", "CR", "Municipal library, Alajuela"),
        ],
        "summary": (
            "A Ugandan librarian who put picture books in a clinic waiting room and a Costa "
            "Rican librarian who takes books to market by bicycle swapped ideas for reaching "
            "people who never come in."
        ),
        "pull_quote": (
            "A book that does not come back is not lost if someone is reading it. Gabriela "
            "taught me to stop counting the missing ones."
        ),
        "body": [
            "Esther had placed a box of picture books in the waiting area of a maternal health "
            "clinic, where mothers often wait for hours. Gabriela's library takes a bicycle "
            "fitted with a book cart to the Saturday market.",
            "Both projects had the same worry: books that did not come back. Gabriela shared "
            "her library's decision to accept some losses as the cost of reaching new "
            "readers, and to count the people who borrowed rather than the books missing.",
            "Esther used that argument to persuade her library's board to fund a second box, "
            "at a clinic in another district. She also began a simple tally of how many "
            "children were read to in the waiting room, which the nurses help to keep.",
            "Gabriela borrowed Esther's idea of working through health services. Her library "
            "now leaves a small collection at a local health centre, and the bicycle stops "
            "outside it on market days.",
            "They have agreed to compare notes again six months after the round, to see which "
            "ideas lasted.",
        ],
        "tags": ["community outreach", "reading promotion", "children and youth"],
    },
]

# Stories from the programme's recent rounds (demo/programme.py), dated from the day the
# demo is loaded: `days_ago` is the publication date, `round` the round's slug there.
RECENT_STORIES = [
    {
        "slug": "a-reading-club-by-video-call",
        "title": "Halfway through: a reading club by video call",
        "round": "running",
        "days_ago": 6,
        "partners": [
            ("Maricel Santos", "PH", "City library, Iloilo"),
            ("Lina Haddad", "JO", "Public library, Irbid"),
        ],
        "summary": (
            "Six weeks into the current round, a librarian in Iloilo and a librarian in Irbid "
            "run one reading club for teenagers in two cities, meeting by video call."
        ),
        "pull_quote": (
            "The first call was twenty minutes of shy waving. By the third, they were "
            "arguing about the ending."
        ),
        "body": [
            "Maricel and Lina were matched on a shared interest: getting teenagers to read "
            "for pleasure once school reading lists take over. In their first week they "
            "found that both libraries had a reading club that met on Thursday afternoons, "
            "five hours apart.",
            "They chose one short novel available in English in both libraries and set up "
            "a monthly joint meeting by video call, with each club meeting on its own in "
            "between. Lina's group reads in Arabic and English, Maricel's in Hiligaynon and "
            "English; the joint meetings are in English, with a lot of help from each other.",
            "Halfway through the round, they have held two joint meetings. The next one will "
            "be run by the teenagers themselves.",
        ],
        "tags": ["reading promotion", "children and youth"],
    },
    {
        "slug": "one-catalogue-two-alphabets",
        "title": "One catalogue, two alphabets",
        "round": "2025-autumn",
        "days_ago": 40,
        "partners": [
            ("Tamar Levi-Katz", "CA", "University library, Montréal"),
            ("Yusuf Demir", "NG", "Research library, Kano"),
        ],
        "summary": (
            "Two cataloguers compared how their libraries record titles written in Arabic "
            "script and found the same problem from opposite ends."
        ),
        "pull_quote": "We both thought the other one had solved it.",
        "body": [
            "Tamar catalogues a collection of Middle Eastern studies in Montréal; Yusuf looks "
            "after manuscripts and printed books in Ajami, Hausa written in Arabic script, in "
            "Kano. Both had been told that their catalogue could not search titles in the "
            "original script.",
            "Over four months they compared records, transliteration tables and the settings "
            "of two very different library systems. Tamar found that her system could store "
            "both forms of a title; Yusuf found a local convention that his readers actually "
            "use when they search.",
            "They wrote up what they learned as a two-page guide for colleagues, now shared "
            "by both library associations.",
        ],
        "tags": ["collection development", "research support"],
    },
]
