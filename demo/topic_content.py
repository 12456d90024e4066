"""Demo topics and archived discussions, written for this project.

Tags come from one shared vocabulary (also used by members.demo_data):
introductions, makerspaces, disaster response, reading promotion, digital literacy,
advocacy, collection development, professional development, community outreach,
school libraries, open access, indigenous knowledge, user experience, children and youth,
research support."""

import datetime

TOPICS_INTRO = (
    "<p>Every fortnight of a round, the coordinators publish a topic: a short introduction, "
    "a few questions and some background. Read it, then write to your partner. The topics "
    "are a starting point, not homework: follow them closely or let them lead you somewhere "
    "else.</p>"
)
DISCUSSIONS_INTRO = (
    "<p>Facilitated group discussions, chats and forum threads from past rounds, shared "
    "with the permission of the people who took part. Browse by topic, by kind or by tag "
    "to see how librarians in other countries approached the same questions.</p>"
)

TOPICS = [
    # Round 1, autumn 2014
    {
        "slug": "getting-to-know-your-partner",
        "title": "Getting to know your partner",
        "date": datetime.date(2014, 9, 15),
        "round_label": "Round 1, topic 1",
        "introduction": (
            "The first fortnight is for people and places. Before you compare policies or "
            "projects, find out who your partner is, who walks through their door and what an "
            "ordinary working day looks like."
        ),
        "prompts": [
            "Describe a typical day in your library, from opening to closing.",
            "Who uses your library, and who would you like to see there more often?",
            "What is one thing a visitor from abroad would not expect to find in your library?",
            "What would you like to learn from this partnership?",
        ],
        "body": [
            (
                "paragraph",
                "Libraries that share a name can be very different places. A public library in "
                "one country may double as a community hall; in another, the school library may "
                "be the only library in town. Start by describing yours as if your partner were "
                "about to visit.",
            ),
            (
                "callout",
                (
                    "Photos help",
                    "A picture of your reading room, your desk or the street outside says a "
                    "lot. Please make sure nobody in the photo can be identified without their "
                    "permission.",
                ),
            ),
            (
                "paragraph",
                "Take your time. There is no need to cover everything in one message: a few "
                "exchanges over the fortnight are better than one long letter.",
            ),
        ],
        "tags": ["introductions", "professional development"],
    },
    {
        "slug": "making-and-mending",
        "title": "Making and mending: the library as a workshop",
        "date": datetime.date(2014, 9, 29),
        "round_label": "Round 1, topic 2",
        "introduction": (
            "Makerspaces do not have to mean 3D printers. Sewing machines, repair cafés, seed "
            "libraries and coding clubs all turn the library into a place where people make "
            "things together."
        ),
        "prompts": [
            "Does your library offer anything people can make, build, fix or grow? Who comes?",
            "What equipment or skills could your community lend you?",
            "What would be the smallest possible makerspace you could start next month?",
        ],
        "body": [
            ("heading", "Start with what people already do"),
            (
                "paragraph",
                "The most lasting making projects tend to grow from skills already present in "
                "the community: a retired tailor, a group of students who repair phones, a "
                "gardener with too many seeds. Equipment matters less than people willing to "
                "show others how.",
            ),
            (
                "paragraph",
                "Talk with your partner about the practical side too: storage, safety, noise, "
                "and who is responsible when something breaks.",
            ),
        ],
        "tags": ["makerspaces", "community outreach", "children and youth"],
    },
    {
        "slug": "reading-for-pleasure",
        "title": "Reading for pleasure",
        "date": datetime.date(2014, 10, 13),
        "round_label": "Round 1, topic 3",
        "introduction": (
            "Many children and adults only meet books as schoolwork. This fortnight is about "
            "how libraries help people discover reading as something they choose to do, in "
            "whatever language and format suits them."
        ),
        "prompts": [
            "What gets reluctant readers in your community reading?",
            "Which languages do your readers read in, and can you find books in all of them?",
            "Have you tried reading clubs outside the library: online, on the radio, in a "
            "market or a bus station?",
            "How do you know whether a reading programme has worked?",
        ],
        "body": [
            (
                "paragraph",
                "Reading promotion looks different depending on what is on the shelves. Where "
                "books in local languages are scarce, librarians write, translate and print "
                "their own. Where books are plentiful, the challenge may be time, screens or the "
                "idea that reading is only for school.",
            ),
            (
                "quote",
                (
                    "The day a boy asked to take a book home for his little sister, I knew the "
                    "club was working.",
                    "A participant in Round 1",
                ),
            ),
            (
                "paragraph",
                "Share one programme with your partner that worked and one that did not, and "
                "try to work out together why.",
            ),
        ],
        "tags": ["reading promotion", "children and youth", "school libraries"],
    },
    {
        "slug": "when-disaster-strikes",
        "title": "When disaster strikes",
        "date": datetime.date(2014, 10, 27),
        "round_label": "Round 1, topic 4",
        "introduction": (
            "Floods, earthquakes, storms and fires affect libraries and the people who depend "
            "on them. This topic looks at how libraries prepare, how they protect collections, "
            "and how they serve their communities in the weeks after a disaster."
        ),
        "prompts": [
            "Has your library or community lived through a disaster? What did the library do?",
            "Does your library have a disaster plan? When did staff last read it?",
            "What could your library offer after a disaster: an information point, a place to "
            "charge phones, a calm corner for children?",
        ],
        "body": [
            ("heading", "Before, during and after"),
            (
                "paragraph",
                "A disaster plan is most useful when staff know it exists and have practised "
                "it. Simple steps help: an up-to-date contact list, knowing where the main "
                "switches are, keeping irreplaceable items off the lowest shelves.",
            ),
            (
                "paragraph",
                "After the emergency, libraries often become places where people charge phones, "
                "fill in forms, find news of relatives or simply sit somewhere dry. Ask your "
                "partner what their community would need from the library.",
            ),
            (
                "callout",
                (
                    "Be gentle",
                    "Some participants have lived through disasters that affected them "
                    "personally. Let your partner decide how much they want to share.",
                ),
            ),
        ],
        "tags": ["disaster response", "community outreach"],
    },
    # Round 3, autumn 2015
    {
        "slug": "speaking-up-for-your-library",
        "title": "Speaking up for your library",
        "date": datetime.date(2015, 9, 7),
        "round_label": "Round 3, topic 2",
        "introduction": (
            "Budgets, buildings and staff posts are decided by people who may never visit the "
            "library. This fortnight is about advocacy: telling decision-makers, and the "
            "public, what the library does and why it matters."
        ),
        "prompts": [
            "Who decides your library's budget, and when did you last speak to them?",
            "Which story about your library would you tell a mayor, a head teacher or a dean "
            "in two minutes?",
            "What evidence do you collect, and which of it actually persuades people?",
        ],
        "body": [
            (
                "paragraph",
                "Numbers matter, but decision-makers remember stories: the job seeker who found "
                "work after a CV workshop, the student who finished a thesis with help from the "
                "library. Good advocacy combines the two.",
            ),
            (
                "paragraph",
                "Compare with your partner how advocacy works where you are. In some countries "
                "library associations lobby national government; in others, the real decisions "
                "are made by one local official.",
            ),
            (
                "callout",
                (
                    "Try it",
                    "Write your two-minute story and send it to your partner. Ask them which "
                    "sentence they would cut.",
                ),
            ),
        ],
        "tags": ["advocacy", "professional development"],
    },
    {
        "slug": "collections-on-a-small-budget",
        "title": "Building collections on a small budget",
        "date": datetime.date(2015, 9, 21),
        "round_label": "Round 3, topic 3",
        "introduction": (
            "Every library has to choose what to buy, keep and discard, and most do it with "
            "less money than they would like. Share how you make those choices, and where you "
            "find materials that cost little or nothing."
        ),
        "prompts": [
            "How are purchasing decisions made in your library, and who is involved?",
            "Do you accept donations? What do you do with the ones you cannot use?",
            "Which free or open resources do your users actually use?",
            "What did you last remove from the collection, and was it difficult?",
        ],
        "body": [
            (
                "paragraph",
                "A small, current, well-chosen collection often serves people better than a "
                "large, outdated one. Weeding is part of collection development, even if "
                "removing books can feel wasteful.",
            ),
            (
                "paragraph",
                "Donations can be a blessing or a burden. Talk with your partner about donation "
                "policies, and about open educational resources, local publishers and "
                "materials produced by the community itself.",
            ),
        ],
        "tags": ["collection development", "open access"],
    },
    {
        "slug": "judging-information-online",
        "title": "Helping people judge what they find online",
        "date": datetime.date(2015, 10, 5),
        "round_label": "Round 3, topic 4",
        "introduction": (
            "People come to the library with phones full of news, rumours and advertisements. "
            "This topic asks how libraries help children and adults find reliable information "
            "and recognise what is not."
        ),
        "prompts": [
            "What kinds of misleading information do your users meet most often?",
            "Do you teach digital skills? To whom, and in what setting?",
            "How do you teach without making people feel foolish for what they believed?",
        ],
        "body": [
            (
                "paragraph",
                "Digital literacy covers much more than using a computer. It includes knowing "
                "how to search, checking who is behind a website, protecting your privacy and "
                "deciding whether a message is worth forwarding.",
            ),
            (
                "paragraph",
                "Many librarians find that short, practical moments work better than long "
                "courses: ten minutes at the start of a class, a poster near the computers, a "
                "conversation at the desk.",
            ),
        ],
        "tags": ["digital literacy", "children and youth", "school libraries"],
    },
    {
        "slug": "open-access-and-researchers",
        "title": "Open access and the researchers we serve",
        "date": datetime.date(2015, 10, 19),
        "round_label": "Round 3, topic 5",
        "introduction": (
            "For many researchers, the article they need is behind a paywall and the "
            "repository they could publish in is unknown to them. This fortnight looks at how "
            "libraries help people find and share research openly."
        ),
        "prompts": [
            "Does your institution have a repository or an open access policy? Is it used?",
            "What do researchers ask you for most often?",
            "How do you help students and staff recognise questionable journals?",
        ],
        "body": [
            (
                "paragraph",
                "Open access is not only a question for university libraries. Public and "
                "special libraries also help people reach research: patients looking for health "
                "information, teachers, local historians, farmers.",
            ),
            (
                "paragraph",
                "If your partner works in a very different kind of library, compare the "
                "questions your users ask about research. You may find more in common than you "
                "expect.",
            ),
        ],
        "tags": ["open access", "research support"],
    },
    # Round 5, autumn 2016
    {
        "slug": "indigenous-knowledge-in-our-collections",
        "title": "Whose knowledge? Indigenous knowledge in our collections",
        "date": datetime.date(2016, 9, 19),
        "round_label": "Round 5, topic 3",
        "introduction": (
            "Libraries hold material about Indigenous peoples and local communities that those "
            "communities did not always create or agree to share. This topic asks how "
            "libraries can work with communities so that their knowledge is described, kept "
            "and shared on their terms."
        ),
        "prompts": [
            "Whose knowledge is held in your library, and who was involved in collecting it?",
            "How are those materials described in your catalogue? Would the communities "
            "recognise themselves?",
            "Have you worked with elders, community organisations or Indigenous librarians? "
            "What did you learn?",
        ],
        "body": [
            (
                "paragraph",
                "There is no single approach that fits every country. Some libraries use "
                "subject headings in Indigenous languages, some follow protocols on who may see "
                "certain materials, and some return control of collections to communities.",
            ),
            (
                "paragraph",
                "Listen closely to your partner here. Practice differs a great deal between "
                "countries, and it is easy to assume that your own context is the norm.",
            ),
            (
                "callout",
                (
                    "A note on respect",
                    "Please do not share sacred or restricted material, even as an example. "
                    "Describe what you do rather than showing it.",
                ),
            ),
        ],
        "tags": ["indigenous knowledge", "collection development", "community outreach"],
    },
    {
        "slug": "through-users-eyes",
        "title": "Seeing the library through users' eyes",
        "date": datetime.date(2016, 10, 3),
        "round_label": "Round 5, topic 4",
        "introduction": (
            "Signs nobody reads, forms nobody understands, a catalogue search that finds "
            "nothing: small obstacles add up. This fortnight is about looking at your library "
            "as a newcomer would, and changing what gets in the way."
        ),
        "prompts": [
            "Walk into your library as if for the first time. What do you notice?",
            "Which question do staff answer again and again? What does that tell you?",
            "Have you ever watched someone use your catalogue or website without helping them?",
        ],
        "body": [
            ("heading", "Small experiments"),
            (
                "paragraph",
                "User experience work does not need a budget. Rewriting one sign, moving the "
                "returns box or asking five people what they expected to find can show you a "
                "great deal.",
            ),
            (
                "paragraph",
                "Try one small experiment this fortnight and tell your partner what happened. "
                "Your partner may notice something in your description that you no longer see.",
            ),
        ],
        "tags": ["user experience", "community outreach"],
    },
    {
        "slug": "reaching-people-who-never-come-in",
        "title": "Reaching people who never come in",
        "date": datetime.date(2016, 10, 17),
        "round_label": "Round 5, topic 5",
        "introduction": (
            "Most libraries serve only part of their community. This topic is about the "
            "others: people who live far away, work long hours, do not read the main language, "
            "or think the library is not for them."
        ),
        "prompts": [
            "Who in your community never uses the library? Do you know why?",
            "Have you taken the library out: to markets, clinics, prisons, farms or bus stations?",
            "Which organisations help you reach people you could not reach alone?",
            "What would make a teenager who has never been inside walk through your door?",
        ],
        "body": [
            (
                "paragraph",
                "Outreach works best when it answers a need people already have. A book box at "
                "a health clinic, a homework club at a community centre, a phone service for "
                "housebound readers: each starts from where people are.",
            ),
            (
                "quote",
                (
                    "We stopped asking why they did not come to us, and started asking where "
                    "they already went.",
                    "A participant in Round 5",
                ),
            ),
        ],
        "tags": ["community outreach", "advocacy", "children and youth"],
    },
    {
        "slug": "what-keeps-you-learning",
        "title": "What keeps you learning?",
        "date": datetime.date(2016, 10, 31),
        "round_label": "Round 5, topic 6",
        "introduction": (
            "In many places, training for librarians is scarce or expensive, and there is "
            "little time for it. This fortnight is about how you keep learning, alone and with "
            "colleagues, and what you will take from this partnership."
        ),
        "prompts": [
            "What was the last thing you learned that changed how you work?",
            "Have you tried online courses or webinars? What made them worth it, or not?",
            "What have you learned from your partner so far? What will you try when the "
            "round ends?",
        ],
        "body": [
            (
                "paragraph",
                "Professional development is not only courses and conferences. Reading groups, "
                "visits to other libraries, mailing lists and conversations like the ones in "
                "this network all count.",
            ),
            (
                "paragraph",
                "As the round draws to a close, take stock with your partner. Write down one "
                "thing each of you will keep doing, and consider staying in touch.",
            ),
        ],
        "tags": ["professional development", "digital literacy"],
    },
]

DISCUSSIONS = [
    # 2014, Round 1
    {
        "slug": "iln-2014-chat-01",
        "title": "First chat: introductions across time zones",
        "kind": "chat",
        "date": datetime.date(2014, 9, 20),
        "topic": "getting-to-know-your-partner",
        "summary": (
            "The first chat of the network's first round. Participants introduced their "
            "libraries, compared opening hours and shared ways of keeping in touch across very "
            "different time zones."
        ),
        "tags": ["introductions"],
        "posts": [
            (
                "Aroha T.",
                "NZ",
                "Kia ora from Wellington! I work in a branch of the city's public library, and "
                "we open on Sundays, which surprises many visitors. It is already late evening "
                "here, so forgive me if I fall asleep mid-sentence.",
            ),
            (
                "Kwame A.",
                "GH",
                "Greetings from Accra. Our community library shares its reading room with the "
                "primary school next door, so mornings are quiet and afternoons are not. I hope "
                "to learn how other small libraries run programmes with very few staff.",
            ),
            (
                "Laura M.",
                "CO",
                "Hola from Medellín. I work in a library park, a library built together with a "
                "public square, so as many people come for the playground as for the books. My "
                "partner and I have already discovered that we are eight hours apart.",
            ),
            (
                "Mikko L.",
                "FI",
                "Hello from Tampere. Our library lends sewing machines and drills as well as "
                "books, which I thought was normal until this morning. I would like to "
                "understand how libraries work in countries with very different funding.",
            ),
            (
                "Aroha T.",
                "NZ",
                "Mikko, we must talk about lending tools! On time zones: my partner and I keep "
                "a shared document where we each write when we can, plus one video call every "
                "second Saturday.",
            ),
        ],
    },
    {
        "slug": "iln-2014-group-02",
        "title": "What a working day looks like",
        "kind": "group-discussion",
        "date": datetime.date(2014, 9, 24),
        "topic": "getting-to-know-your-partner",
        "summary": (
            "Participants described an ordinary working day. The differences in staffing, "
            "hours and tasks led to a long conversation about being the only librarian in a "
            "building."
        ),
        "tags": ["introductions", "professional development"],
        "posts": [
            (
                "Priya S.",
                "IN",
                "I am the only librarian in a large secondary school in Pune. My day starts with "
                "a queue of students who need printing and ends with shelving the books that "
                "came back during the lunch rush. The hardest part is that nobody else in the "
                "building does the same job.",
            ),
            (
                "Joanna W.",
                "PL",
                "In my municipal library in a small town near Lublin there are three of us, and "
                "we each do everything: lending, children's activities, the local history "
                "corner. I had never thought of that as unusual until I read the other "
                "introductions.",
            ),
            (
                "Chinedu O.",
                "NG",
                "At our university library in Enugu, the working day depends on the electricity. "
                "When the power goes, the catalogue goes too, so we keep a paper register ready. "
                "Students have become very patient with us.",
            ),
            (
                "Sarah B.",
                "CA",
                "I work at a public library branch in Winnipeg, and half my day is spent helping "
                "people with things that are not about books: forms, job applications, bus "
                "passes. I have started to see that as the heart of the job rather than a "
                "distraction from it.",
            ),
            (
                "Elena R.",
                "HR",
                "I am a solo librarian at a research institute in Zagreb. Reading Priya's post, "
                "I recognised the loneliness, but also the freedom: nobody tells me how to "
                "organise my day. Maybe the solo librarians in this round should find each "
                "other.",
            ),
        ],
    },
    {
        "slug": "iln-2014-forum-03",
        "title": "A makerspace from donated sewing machines",
        "kind": "forum-thread",
        "date": datetime.date(2014, 9, 30),
        "topic": "making-and-mending",
        "summary": (
            "A participant from Kenya described how her library started a sewing corner with "
            "donated machines, and others shared what they had learned from their own "
            "makerspaces, from repairs to starting with people rather than equipment."
        ),
        "tags": ["makerspaces", "community outreach"],
        "posts": [
            (
                "Wanjiru K.",
                "KE",
                "Last year a tailoring school in our town closed and offered us six old sewing "
                "machines. We set them up in a corner of the library, and a retired tailor comes "
                "twice a week to teach. Young mothers make school uniforms, and a few now sell "
                "bags at the market.",
            ),
            (
                "Mikko L.",
                "FI",
                "This is wonderful. Our sewing machines break more often than anything else we "
                "lend, so my question is: who repairs them? We have a volunteer who services "
                "ours once a month in exchange for using them.",
            ),
            (
                "Wanjiru K.",
                "KE",
                "Mikko, the same retired tailor repairs them, and she is teaching two of the "
                "teenagers to do it too. Needles and belts are our biggest cost, so we added "
                "them to the list of things people can donate.",
            ),
            (
                "Daniel F.",
                "US",
                "In our rural library in Ohio, the first things we lent were hand tools, not a "
                "3D printer. I agree that the people matter more than the machines. Our best "
                "volunteer is a farmer who fixes bicycles on Saturday mornings.",
            ),
            (
                "Siti R.",
                "ID",
                "We tried a computer corner with donated laptops and it did not last, because "
                "nobody in the village felt it was theirs. Reading this, I think we started with "
                "the equipment and not with the people. I will look again at who in our village "
                "already makes things.",
            ),
        ],
    },
    {
        "slug": "iln-2014-chat-04",
        "title": "Chat: repair cafés and seed libraries",
        "kind": "chat",
        "date": datetime.date(2014, 10, 4),
        "topic": "making-and-mending",
        "summary": (
            "An evening chat about low-cost making: repair cafés, seed libraries and craft "
            "afternoons, and how to keep them going once the first enthusiasm fades."
        ),
        "tags": ["makerspaces"],
        "posts": [
            (
                "Femke V.",
                "NL",
                "Our repair café is run by the neighbourhood association; the library provides "
                "the room and a table of repair manuals. It works because the volunteers are in "
                "charge, and the library does not have to be.",
            ),
            (
                "Lucía G.",
                "MX",
                "We started a seed library in the drawers of an old card catalogue. Farmers "
                "bring back seeds from their harvest and the children label the envelopes. The "
                "cabinet finally has a use again.",
            ),
            (
                "Grace N.",
                "UG",
                "How do you keep volunteers and visitors coming when the novelty wears off? Our "
                "craft afternoons were full for two months and then half empty.",
            ),
            (
                "Femke V.",
                "NL",
                "Grace, we moved ours to a day that did not clash with the market, and we asked "
                "each regular to bring one friend. Also: tea and biscuits. Never underestimate "
                "the biscuits.",
            ),
        ],
    },
    {
        "slug": "iln-2014-group-05",
        "title": "Coding clubs with a handful of computers",
        "kind": "group-discussion",
        "date": datetime.date(2014, 10, 8),
        "topic": "making-and-mending",
        "summary": (
            "Participants shared how they teach children to code with few or no computers, "
            "including activities on paper where children give each other instructions."
        ),
        "tags": ["makerspaces", "digital literacy", "children and youth"],
        "posts": [
            (
                "Juma S.",
                "TZ",
                "We have four computers and forty children who want to learn to code. We now "
                "run the club in pairs, with paper exercises for those waiting, and the children "
                "are stricter about taking turns than we ever were.",
            ),
            (
                "Rachel G.",
                "GB",
                "We used to teach coding with small programmable robots, but batteries and "
                "breakages cost more than we expected. Activities on paper, where children act "
                "out instructions for each other, worked just as well for the youngest.",
            ),
            (
                "Juma S.",
                "TZ",
                "Rachel, yes! We call it the human robot. One child gives instructions, the "
                "other follows them exactly, and everyone laughs when the robot walks into the "
                "wall.",
            ),
            (
                "Siti R.",
                "ID",
                "Could you share the paper exercises? A student volunteer from the university "
                "wants to start a club with us, but she thinks she needs a computer lab first.",
            ),
        ],
    },
    {
        "slug": "iln-2014-group-06",
        "title": "Reading clubs on messaging apps",
        "kind": "group-discussion",
        "date": datetime.date(2014, 10, 16),
        "topic": "reading-for-pleasure",
        "summary": (
            "Participants compared reading clubs held outside the library building, including "
            "one run entirely in a messaging group, and discussed how to include readers who "
            "speak several languages."
        ),
        "tags": ["reading promotion", "children and youth"],
        "posts": [
            (
                "Nomvula D.",
                "ZA",
                "Our teenagers' reading club in Soweto moved to a messaging group when the "
                "library closed for renovation, and it never moved back. Members post a photo "
                "of the page they are on and a voice note about it. The voice notes matter: "
                "some of them are more confident speaking than writing.",
            ),
            (
                "Tomás P.",
                "AR",
                "We do something similar with a group of older readers in Rosario. They read "
                "the same short story each week, and someone posts it as photos for those "
                "without a copy. It is less tidy than a club around a table, but nobody has to "
                "travel.",
            ),
            (
                "Fatima Z.",
                "MA",
                "How do you handle languages? Our readers move between Arabic, French and "
                "Darija, and most of our books are in French. I worry that a club in French "
                "leaves some people out.",
            ),
            (
                "Nomvula D.",
                "ZA",
                "Fatima, we accept voice notes in any language, and members translate for each "
                "other. Many of our books are in English, but the conversation happens in "
                "isiZulu, Sesotho and English all at once.",
            ),
            (
                "Ana C.",
                "PT",
                "This makes me think we are too attached to the idea of a club around one "
                "table. I will suggest a messaging group to the secondary school readers who "
                "spend an hour a day on the bus.",
            ),
        ],
    },
    {
        "slug": "iln-2014-chat-07",
        "title": "Chat: children's books in local languages",
        "kind": "chat",
        "date": datetime.date(2014, 10, 19),
        "topic": "reading-for-pleasure",
        "summary": (
            "A chat about the shortage of children's books in local and minority languages, "
            "and what librarians do about it: writing, translating and printing their own."
        ),
        "tags": ["reading promotion", "collection development"],
        "posts": [
            (
                "Ramesh K.",
                "NP",
                "In our district library most children's books are in Nepali or English, but "
                "many children speak another language at home. Two teachers and I have started "
                "writing simple stories in their languages and printing them as small booklets.",
            ),
            (
                "Aroha T.",
                "NZ",
                "Books in te reo Māori have become easier to find in recent years, partly "
                "because libraries and schools kept asking for them. Demand makes a difference. "
                "Is there a local publisher who might take your booklets further?",
            ),
            (
                "Ramesh K.",
                "NP",
                "Not yet. For now we print on the school's machine and staple the booklets by "
                "hand. The children illustrate them, which they love.",
            ),
            (
                "Kwame A.",
                "GH",
                "We do something similar in Twi, and reading the stories aloud brings the "
                "parents in too. Some of them are not confident reading English, but they are "
                "proud to read in their own language.",
            ),
        ],
    },
    {
        "slug": "iln-2014-group-08",
        "title": "After the floods: libraries as shelters and information points",
        "kind": "group-discussion",
        "date": datetime.date(2014, 10, 30),
        "topic": "when-disaster-strikes",
        "summary": (
            "Participants who have lived through floods, storms and earthquakes described what "
            "their libraries did in the following weeks, and what they wish they had prepared "
            "in advance."
        ),
        "tags": ["disaster response", "community outreach"],
        "posts": [
            (
                "Jerome D.",
                "PH",
                "After the typhoon last November, our library in Leyte lost most of its ground "
                "floor collection. What people needed first was not books but a dry room, a "
                "generator and somewhere to charge their phones. We reopened as an information "
                "point before a single book was back on the shelves.",
            ),
            (
                "Ivana M.",
                "HR",
                "When the floods hit eastern Croatia in May, several libraries were badly "
                "damaged. We collected children's books for the temporary classrooms. What I "
                "learned is that donations need a coordinator, or you end up with piles of "
                "books nobody can use.",
            ),
            (
                "Marcela S.",
                "CL",
                "In Chile we live with earthquakes, so our plan is reviewed every year and "
                "practised with the staff. What helped most after the last big one was a phone "
                "tree: every member of staff knew exactly whom to call.",
            ),
            (
                "Jerome D.",
                "PH",
                "Ivana, we had the same experience with donations. Now we publish a short list "
                "of what we actually need, and we politely say no to everything else.",
            ),
            (
                "Hannah L.",
                "AU",
                "Reading this, I realise our bushfire plan is all about the building and says "
                "almost nothing about what the library could do for people afterwards. I am "
                "taking this thread to our next staff meeting.",
            ),
        ],
    },
    {
        "slug": "iln-2014-forum-09",
        "title": "Saving wet books: what actually works",
        "kind": "forum-thread",
        "date": datetime.date(2014, 11, 3),
        "topic": "when-disaster-strikes",
        "summary": (
            "A practical thread on rescuing water-damaged collections with limited means, and "
            "on deciding early which items are irreplaceable."
        ),
        "tags": ["disaster response", "collection development"],
        "posts": [
            (
                "Nasser H.",
                "JO",
                "A pipe burst in our storeroom last winter and we lost a shelf of reference "
                "books. We did not know what to do, and most of them went mouldy. What should "
                "we have done in the first two days?",
            ),
            (
                "Ivana M.",
                "HR",
                "What we learned: keep wet books cool, separate them and start drying them as "
                "soon as you can, with air moving around them. Anything you cannot dry quickly "
                "can go in a freezer, which buys you time. We borrowed freezer space from a "
                "local butcher.",
            ),
            (
                "Jerome D.",
                "PH",
                "And decide early what is irreplaceable. Most books can be bought again; local "
                "records, photographs and manuscripts cannot. Those get your attention first.",
            ),
            (
                "Nasser H.",
                "JO",
                "That is the part I had not thought about. We have a small collection of local "
                "documents, and it was on the bottom shelf. It is now on the top one.",
            ),
        ],
    },
    {
        "slug": "iln-2014-chat-10",
        "title": "Closing chat for Round 1",
        "kind": "chat",
        "date": datetime.date(2014, 11, 8),
        "summary": (
            "The final chat of the first round. Participants said what they would keep from "
            "their partnerships and suggested topics for future rounds."
        ),
        "tags": ["professional development"],
        "posts": [
            (
                "Laura M.",
                "CO",
                "My partner in Finland and I are going to keep writing once a month. We have "
                "agreed to swap one idea each time and report back on whether it worked.",
            ),
            (
                "Chinedu O.",
                "NG",
                "I would suggest a topic on research support. Our students write theses with "
                "very little guidance on finding sources, and I would like to hear how others "
                "help them.",
            ),
            (
                "Sarah B.",
                "CA",
                "Thank you to the coordinators. The fortnightly topics rescued us more than "
                "once when we had no idea what to write about.",
            ),
            (
                "Priya S.",
                "IN",
                "What I will keep is the habit of asking why before suggesting anything. My "
                "partner's school library runs on completely different rules, and my first "
                "advice was useless until I understood them.",
            ),
        ],
    },
    # 2015, Rounds 2 and 3
    {
        "slug": "iln-2015-forum-01",
        "title": "Trios: keeping a conversation going between three countries",
        "kind": "forum-thread",
        "date": datetime.date(2015, 3, 20),
        "summary": (
            "Participants in trios during Round 2 compared how they organise writing among "
            "three people in three time zones, and what a third voice adds."
        ),
        "tags": ["introductions", "professional development"],
        "posts": [
            (
                "Yuki T.",
                "JP",
                "Our trio is in Osaka, Kisumu and Lima, so someone is always asleep. Writing to "
                "all three at once made the messages very long. Now each of us writes a short "
                "message in turn, on a fixed day of the week.",
            ),
            (
                "Wanjiru K.",
                "KE",
                "This is my second round and my first in a trio. When two of us disagree, the "
                "third one asks the question that helps. What is hard is finding a time for a "
                "call, so we mostly write.",
            ),
            (
                "Diego R.",
                "PE",
                "I was nervous at first because I thought my English was the weakest of the "
                "three. Nobody cared, and now my partners ask me to correct their Spanish in "
                "return.",
            ),
            (
                "Yuki T.",
                "JP",
                "Diego, your English is far better than my Spanish will ever be. Perhaps every "
                "trio should teach each other one phrase a week.",
            ),
        ],
    },
    {
        "slug": "iln-2015-chat-02",
        "title": "Chat: the two-minute library story",
        "kind": "chat",
        "date": datetime.date(2015, 9, 10),
        "topic": "speaking-up-for-your-library",
        "summary": (
            "Participants tried out short advocacy stories on each other and discussed which "
            "details stay with decision-makers."
        ),
        "tags": ["advocacy"],
        "posts": [
            (
                "Olivia H.",
                "GB",
                "My two-minute story is about a man who used our computers every day for three "
                "weeks and finally got a job as a bus driver. He came back to tell us. A local "
                "councillor remembered that story months later, long after she had forgotten "
                "our visitor figures.",
            ),
            (
                "Samuel M.",
                "KE",
                "I tried mine on my partner and she cut the first half. I was explaining the "
                "history of our library, and nobody needs that. Now it starts with a girl who "
                "learned to read in our Saturday club.",
            ),
            (
                "Hala S.",
                "EG",
                "In my university library in Alexandria, decisions are made by the dean, and he "
                "cares about research output. So my story is about two research groups the "
                "library helped to publish. It feels less warm, but it is the language he "
                "speaks.",
            ),
            (
                "Carlos V.",
                "BR",
                "Hala, I think that is exactly right: tell the story in the listener's "
                "language. For our municipal secretary in Recife, that language is children who "
                "have somewhere safe to spend the afternoon.",
            ),
            (
                "Olivia H.",
                "GB",
                "A good rule from my partner: end with one thing you want them to do. A story "
                "without a request is just a nice story.",
            ),
        ],
    },
    {
        "slug": "iln-2015-group-03",
        "title": "Advocacy without a strong association behind you",
        "kind": "group-discussion",
        "date": datetime.date(2015, 9, 15),
        "topic": "speaking-up-for-your-library",
        "summary": (
            "A facilitated discussion on how librarians advocate when national associations "
            "are small or far away, and how informal networks and library users can fill the "
            "gap."
        ),
        "tags": ["advocacy", "professional development"],
        "posts": [
            (
                "Lina A.",
                "LB",
                "Public libraries here depend on municipalities and NGOs, so there is no single "
                "office to lobby. We build relationships one mayor at a time. It is slow, but a "
                "good relationship outlasts any project.",
            ),
            (
                "Tendai M.",
                "ZW",
                "We have an association, but most rural school librarians cannot afford to "
                "travel to its meetings. A group of us now meet by phone once a month and write "
                "joint letters to the district education office.",
            ),
            (
                "Jessica R.",
                "US",
                "I think we sometimes take our association's work for granted. Reading this, I "
                "realise that the advocacy that actually saved our budget was local: library "
                "users who came to a council meeting.",
            ),
            (
                "Lina A.",
                "LB",
                "Jessica, users are our best advocates too. A mother who speaks at a municipal "
                "meeting carries more weight than any librarian.",
            ),
        ],
    },
    {
        "slug": "iln-2015-forum-04",
        "title": "Donations we could not use",
        "kind": "forum-thread",
        "date": datetime.date(2015, 9, 23),
        "topic": "collections-on-a-small-budget",
        "summary": (
            "A candid thread about unsuitable donations, from outdated textbooks to boxes of "
            "old encyclopaedias, and about polite ways of saying no."
        ),
        "tags": ["collection development"],
        "posts": [
            (
                "Kofi B.",
                "GH",
                "We received three hundred copies of a textbook that is no longer on the "
                "syllabus. The donor was proud and we were grateful, but they fill a whole "
                "shelf we need for something else. What do you do with donations like this?",
            ),
            (
                "Amira B.",
                "TN",
                "We now have a written donation policy, one page long, and we give it to donors "
                "before they bring anything. It says that we may pass on books we cannot use. "
                "It has made these conversations much easier.",
            ),
            (
                "Kerry-Ann W.",
                "JM",
                "Old textbooks can still be useful. We give some to teachers for exercises, and "
                "the rest go to a paper recycling project run by the students. What matters is "
                "that the donor knows where the gift went.",
            ),
            (
                "Kofi B.",
                "GH",
                "A one-page policy is a good idea. Amira, would you be willing to share yours? "
                "I will borrow the tone, if not every word.",
            ),
            (
                "Amira B.",
                "TN",
                "Of course, I will post it here. We adapted it from another library's policy, "
                "so it has travelled already.",
            ),
        ],
    },
    {
        "slug": "iln-2015-group-05",
        "title": "Weeding: the hardest part of collection development",
        "kind": "group-discussion",
        "date": datetime.date(2015, 9, 26),
        "topic": "collections-on-a-small-budget",
        "summary": (
            "Participants discussed how they decide what to remove from their collections, and "
            "how to explain weeding to colleagues who see it as waste."
        ),
        "tags": ["collection development", "user experience"],
        "posts": [
            (
                "Anni K.",
                "FI",
                "We weed all the time, and in Finland that is normal: users expect a fresh "
                "collection. But when I explained it to my partner, she was shocked at the idea "
                "of throwing books away. It made me think harder about why we do it.",
            ),
            (
                "Sunita R.",
                "LK",
                "I was that partner! In my library in Kandy, every book was bought with great "
                "effort, and discarding one feels like losing money. But Anni sent me photos of "
                "her shelves, and I noticed how easily people found things. Our shelves are "
                "full and people ask me for everything.",
            ),
            (
                "Andrei P.",
                "RO",
                "We had the same argument in our library. What helped was starting small: one "
                "shelf, and a rule everyone agreed on, such as not borrowed for ten years and "
                "available elsewhere. Nobody missed those books.",
            ),
            (
                "Sunita R.",
                "LK",
                "I have started with encyclopaedias from the 1980s. Our users have the internet "
                "on their phones, and those volumes were hiding the books they actually want.",
            ),
        ],
    },
    {
        "slug": "iln-2015-chat-06",
        "title": "Chat: health rumours on messaging apps",
        "kind": "chat",
        "date": datetime.date(2015, 10, 7),
        "topic": "judging-information-online",
        "summary": (
            "A chat about health rumours and false stories forwarded on messaging apps, and how "
            "librarians talk about them with users without embarrassing anyone."
        ),
        "tags": ["digital literacy", "community outreach"],
        "posts": [
            (
                "Nurul H.",
                "MY",
                "In our community the most forwarded messages are health remedies. People "
                "forward them because they care about their families. I do not want to tell an "
                "old uncle he is foolish; I want to show him how to check.",
            ),
            (
                "Bisi A.",
                "NG",
                "What works for us is asking: who sent this first? Most people realise they do "
                "not know. Then we look for the original source together, and often there is "
                "none.",
            ),
            (
                "Javier M.",
                "MX",
                "We made a small poster with three questions: who says it, how do they know, "
                "and who gains if I believe it? It hangs by the computers, and people "
                "photograph it with their phones. That photo probably travels further than any "
                "class we run.",
            ),
            (
                "Nurul H.",
                "MY",
                "Javier, I love that people photograph it. May I translate it into Malay for our "
                "library?",
            ),
            (
                "Javier M.",
                "MX",
                "Of course. I will post the English text in the forum so that anyone can "
                "translate it.",
            ),
        ],
    },
    {
        "slug": "iln-2015-group-07",
        "title": "Digital literacy in school libraries",
        "kind": "group-discussion",
        "date": datetime.date(2015, 10, 9),
        "topic": "judging-information-online",
        "summary": (
            "School librarians shared short activities that teach pupils to evaluate what they "
            "find online, and discussed how to work with teachers who have little time."
        ),
        "tags": ["digital literacy", "school libraries", "children and youth"],
        "posts": [
            (
                "Megan O.",
                "IE",
                "I run a ten-minute activity at the start of history classes: pupils get three "
                "websites on the same subject and decide which one they would trust for their "
                "homework, and why. They argue a lot, which is the point.",
            ),
            (
                "Arjun M.",
                "IN",
                "Teachers in my school are very busy, so I offer to take the first ten minutes "
                "of a lesson rather than a whole period. That is easier to say yes to. After a "
                "few times, some teachers started asking for more.",
            ),
            (
                "Brigitte E.",
                "CM",
                "Many of our pupils have phones but no computer at home, so we teach everything "
                "on a phone screen. Checking who is behind a website is much harder on a small "
                "screen, and we had to adapt our exercises.",
            ),
            (
                "Megan O.",
                "IE",
                "Brigitte, that is a good reminder. Most of my pupils search on phones too, yet "
                "I have been teaching on desktop computers. I will move my three websites "
                "activity to phones next term.",
            ),
        ],
    },
    {
        "slug": "iln-2015-forum-08",
        "title": "Starting a repository with one person and no budget",
        "kind": "forum-thread",
        "date": datetime.date(2015, 10, 21),
        "topic": "open-access-and-researchers",
        "summary": (
            "A librarian from Bangladesh asked for advice on starting an institutional "
            "repository, and participants shared what had worked for them, from open source "
            "software to persuading the first depositors."
        ),
        "tags": ["open access", "research support"],
        "posts": [
            (
                "Farhana R.",
                "BD",
                "My university in Dhaka wants an institutional repository, and I am the person "
                "who will set it up. We have no budget for software and very little technical "
                "support. Where should I start?",
            ),
            (
                "Stephen K.",
                "ZA",
                "We used free, open source repository software with a large user community, and "
                "that community helped us a great deal. The software was the easy part. The "
                "hard part was persuading researchers to deposit their work.",
            ),
            (
                "Luciana F.",
                "BR",
                "What worked for us was starting with theses. They have to be submitted anyway, "
                "so within a few months the repository had hundreds of items, and people began "
                "to take it seriously.",
            ),
            (
                "Farhana R.",
                "BD",
                "Starting with theses is a very good idea. Our students submit printed copies, "
                "and they sit in a room nobody visits.",
            ),
            (
                "Stephen K.",
                "ZA",
                "Then you already have your first collection. Ask for the digital file at the "
                "same time as the printed copy, and make it part of the submission process.",
            ),
        ],
    },
    {
        "slug": "iln-2015-chat-09",
        "title": "Chat: recognising questionable journals",
        "kind": "chat",
        "date": datetime.date(2015, 10, 24),
        "topic": "open-access-and-researchers",
        "summary": (
            "Participants compared how they help researchers recognise journals that charge "
            "fees without offering proper peer review, without putting them off open access."
        ),
        "tags": ["open access", "research support"],
        "posts": [
            (
                "Omar K.",
                "JO",
                "Young researchers in our faculty receive emails every week inviting them to "
                "publish quickly for a fee. Some have already paid. I want to warn them without "
                "making them afraid of open access as a whole.",
            ),
            (
                "Katrin S.",
                "DE",
                "We use a short checklist: do you or your colleagues know the journal, can you "
                "read its recent articles, is the editorial board real, are the fees clearly "
                "stated? We present it as a way to choose well rather than a list of bad "
                "journals.",
            ),
            (
                "Aminata D.",
                "SN",
                "Our researchers ask me how they can publish when international journals ignore "
                "their subjects. The honest answer is that good open access journals exist in "
                "our region too. Showing them those works better than warnings alone.",
            ),
            (
                "Omar K.",
                "JO",
                "Aminata, that is the balance I was looking for: show the good journals first, "
                "then explain how to spot the others.",
            ),
        ],
    },
    {
        "slug": "iln-2015-group-10",
        "title": "Closing discussion, Round 3: what we changed",
        "kind": "group-discussion",
        "date": datetime.date(2015, 11, 7),
        "summary": (
            "At the end of Round 3, participants each named one change they had made in their "
            "library because of their partnership."
        ),
        "tags": ["professional development"],
        "posts": [
            (
                "Sunita R.",
                "LK",
                "I weeded two shelves and moved the new books to the front. People borrow from "
                "those shelves much more now, and nobody has asked for the old encyclopaedias.",
            ),
            (
                "Kofi B.",
                "GH",
                "We adopted a donation policy based on Amira's. The first donor who read it "
                "thanked us for being clear.",
            ),
            (
                "Jessica R.",
                "US",
                "I started inviting regular users to come with us to council meetings. Two of "
                "them came, and one spoke better than any of us could have.",
            ),
            (
                "Farhana R.",
                "BD",
                "Our repository is not live yet, but we now collect a digital copy of every "
                "thesis. It is the first step, and I would not have thought of it alone.",
            ),
            (
                "Nurul H.",
                "MY",
                "Javier's poster is on our wall in Malay. I have also promised myself to keep "
                "writing to my partner after the round ends.",
            ),
        ],
    },
    # 2016, Rounds 4 and 5
    {
        "slug": "iln-2016-chat-01",
        "title": "Round 4 welcome chat",
        "kind": "chat",
        "date": datetime.date(2016, 3, 12),
        "summary": (
            "The opening chat of Round 4, where new participants asked people from earlier "
            "rounds for advice on first messages and on finding time."
        ),
        "tags": ["introductions"],
        "posts": [
            (
                "Mere V.",
                "FJ",
                "Bula from Suva! This is my first round. I have been introduced to my partner "
                "but have not written yet, because I do not know how formal to be. Any advice?",
            ),
            (
                "Laura M.",
                "CO",
                "Welcome, Mere! Write as you would to a colleague you like but have not met "
                "yet. Tell her about your day and ask her one question. In my first round, my "
                "partner's first message was four lines long, and it was perfect.",
            ),
            (
                "Karim E.",
                "EG",
                "I am new too. My worry is time: I work full time and have two small children. "
                "Is an hour or two a fortnight really enough?",
            ),
            (
                "Hannah L.",
                "AU",
                "Karim, it is enough for many people. The important thing is to tell your "
                "partner early what is realistic for you, so that nobody is left waiting.",
            ),
            (
                "Mere V.",
                "FJ",
                "Thank you both. I have just sent four lines and a photo of the view from our "
                "reading room.",
            ),
        ],
    },
    {
        "slug": "iln-2016-forum-02",
        "title": "Catalogue headings that communities do not recognise",
        "kind": "forum-thread",
        "date": datetime.date(2016, 9, 21),
        "topic": "indigenous-knowledge-in-our-collections",
        "summary": (
            "Participants compared how Indigenous peoples and local communities appear in "
            "their catalogues, and how some libraries are revising descriptions together with "
            "those communities."
        ),
        "tags": ["indigenous knowledge", "collection development"],
        "posts": [
            (
                "Rawiri H.",
                "NZ",
                "Many libraries here use Māori subject headings alongside the standard English "
                "ones, developed with Māori librarians. A search in te reo Māori now finds "
                "material that used to be hidden behind terms chosen by outsiders.",
            ),
            (
                "Emily S.",
                "CA",
                "We are reviewing our headings for First Nations, Métis and Inuit peoples with "
                "an Indigenous advisory circle. The hardest part is admitting how many records "
                "use outdated and sometimes offensive terms. The work is slow, and that is "
                "fine: the community sets the pace.",
            ),
            (
                "Rosa Q.",
                "PE",
                "Our library holds recordings of Quechua songs made by researchers decades ago. "
                "The catalogue names the researcher, and the singers are not named at all. We "
                "are now working with the community to add the singers' names where they are "
                "remembered.",
            ),
            (
                "Rawiri H.",
                "NZ",
                "Rosa, that is important work. Naming the people who hold the knowledge, not "
                "only those who recorded it, changes the whole relationship.",
            ),
            (
                "Joseph L.",
                "KE",
                "Our challenge is different: oral knowledge that was never recorded at all. We "
                "are starting to record elders' stories, with the community deciding what may "
                "be shared publicly.",
            ),
        ],
    },
    {
        "slug": "iln-2016-group-03",
        "title": "Working with elders and community knowledge keepers",
        "kind": "group-discussion",
        "date": datetime.date(2016, 9, 27),
        "topic": "indigenous-knowledge-in-our-collections",
        "summary": (
            "A facilitated discussion on building respectful relationships with elders and "
            "community organisations, including agreements on who may access sensitive "
            "material."
        ),
        "tags": ["indigenous knowledge", "community outreach"],
        "posts": [
            (
                "Hannah L.",
                "AU",
                "Many Australian libraries follow protocols for Aboriginal and Torres Strait "
                "Islander materials developed by Indigenous library professionals. My biggest "
                "lesson has been that some material should not be open to everyone, which goes "
                "against much of what I learned in library school.",
            ),
            (
                "Rosa Q.",
                "PE",
                "We feel the same tension. We believe in open access, but here the community "
                "decides. Some songs belong to ceremonies, and the community asked us not to "
                "put them online.",
            ),
            (
                "Lucía G.",
                "MX",
                "In Oaxaca we invite elders to the library not as guests at an event but as "
                "teachers. They choose the subject and the language. Our role is to provide the "
                "space, record if they want it recorded, and listen.",
            ),
            (
                "Joseph L.",
                "KE",
                "Lucía, thank you, this is how I want our recording project to work. Until now, "
                "I was the one deciding which stories to record.",
            ),
        ],
    },
    {
        "slug": "iln-2016-chat-04",
        "title": "Chat: the signs nobody reads",
        "kind": "chat",
        "date": datetime.date(2016, 10, 5),
        "topic": "through-users-eyes",
        "summary": (
            "A lively chat about library signs, from laminated rules to friendly directions, "
            "and the small experiments participants tried during the fortnight."
        ),
        "tags": ["user experience"],
        "posts": [
            (
                "Petra B.",
                "HR",
                "I counted the signs at our entrance: fourteen, and most of them start with a "
                "prohibition. As an experiment I took down eight. Nobody has broken any rules "
                "yet, and the entrance finally looks as if it wants people to come in.",
            ),
            (
                "Rania T.",
                "JO",
                "We rewrote our main signs with Arabic first and English second, instead of the "
                "other way round. It seems obvious now, but the signs came from a template and "
                "nobody had questioned them.",
            ),
            (
                "Michael A.",
                "GH",
                "We have almost no signs, so people ask staff for everything. This chat makes "
                "me think a few well-placed signs would give us back a lot of time.",
            ),
            (
                "Petra B.",
                "HR",
                "Michael, start with the question people ask most often. For us it was where "
                "the toilets are. That one sign has saved us hours.",
            ),
        ],
    },
    {
        "slug": "iln-2016-group-05",
        "title": "Watching people use the catalogue",
        "kind": "group-discussion",
        "date": datetime.date(2016, 10, 8),
        "topic": "through-users-eyes",
        "summary": (
            "Participants who watched users search their catalogues shared what they saw and "
            "what they changed, and one found that students had stopped using the catalogue "
            "altogether."
        ),
        "tags": ["user experience", "digital literacy"],
        "posts": [
            (
                "Minji P.",
                "KR",
                "I asked five students to find a book in our catalogue while I watched without "
                "helping. Four of them typed a whole question into the search box, as they "
                "would in a search engine, and got no results. We are now looking at how the "
                "catalogue could cope with that.",
            ),
            (
                "Jonas B.",
                "DE",
                "We did the same with older users and learned something different: they did not "
                "see the search box at all, because it was the same colour as the banner. "
                "Changing one colour made a real difference.",
            ),
            (
                "Adaeze N.",
                "NG",
                "Our catalogue only works on computers inside the library, but our students "
                "search on phones. Watching them, I realised they gave up on the catalogue long "
                "ago and simply ask their friends.",
            ),
            (
                "Minji P.",
                "KR",
                "Adaeze, that is a finding in itself. Asking friends is how people look for "
                "information too. Maybe the question is how the library becomes one of the "
                "friends they ask.",
            ),
        ],
    },
    {
        "slug": "iln-2016-forum-06",
        "title": "Book boxes in clinics, markets and bus stations",
        "kind": "forum-thread",
        "date": datetime.date(2016, 10, 19),
        "topic": "reaching-people-who-never-come-in",
        "summary": (
            "Participants shared outreach projects that take books to places where people "
            "already wait: health clinics, markets and bus stations."
        ),
        "tags": ["community outreach", "reading promotion"],
        "posts": [
            (
                "Esther W.",
                "UG",
                "We put a wooden box of picture books in the waiting area of a maternal health "
                "clinic near Kampala. Mothers wait for hours, and now many of them read to their "
                "children while they wait. The nurses say the waiting room is calmer.",
            ),
            (
                "Gabriela M.",
                "CR",
                "Our library takes a bicycle with a book cart to the Saturday market. People "
                "who would never enter the library borrow from the bicycle, and some of them "
                "come to the library later to return the books.",
            ),
            (
                "Youssef B.",
                "MA",
                "We left a shelf of books at a bus station with a simple note: take one, bring "
                "it back when you can. Some never came back, but many did, and a few people "
                "started leaving books of their own.",
            ),
            (
                "Esther W.",
                "UG",
                "Youssef, we also expected to lose books and lost fewer than we feared. I now "
                "think a book that does not come back is not lost if someone is reading it.",
            ),
        ],
    },
    {
        "slug": "iln-2016-chat-07",
        "title": "Chat: library services in prisons",
        "kind": "chat",
        "date": datetime.date(2016, 10, 21),
        "topic": "reaching-people-who-never-come-in",
        "summary": (
            "A chat with participants who run or support library services in prisons, about "
            "what readers ask for and how to link prison libraries with public libraries."
        ),
        "tags": ["community outreach", "advocacy"],
        "posts": [
            (
                "Agnieszka Z.",
                "PL",
                "I visit a prison library once a week with a volunteer. The most requested "
                "books are dictionaries, legal guides and crime novels. Several readers are "
                "learning English and ask for easy readers for adults, which are hard to find.",
            ),
            (
                "Thabo M.",
                "ZA",
                "Some prisons here have reading clubs run with outside volunteers. What I hear "
                "most is that the club is the one hour of the week when people are treated as "
                "readers.",
            ),
            (
                "Ingrid H.",
                "NO",
                "Many prison libraries in Norway are run together with the local public "
                "library, so readers get much the same service as everyone else. It helps when "
                "people are released: they already know the library.",
            ),
            (
                "Agnieszka Z.",
                "PL",
                "Ingrid, that is exactly the link I would like to build: a library card waiting "
                "for each reader on release. I will write to our municipal library director "
                "this week.",
            ),
        ],
    },
    {
        "slug": "iln-2016-group-08",
        "title": "Teenagers who think the library is not for them",
        "kind": "group-discussion",
        "date": datetime.date(2016, 10, 25),
        "topic": "reaching-people-who-never-come-in",
        "summary": (
            "A facilitated discussion on reaching teenagers, especially those who work after "
            "school or have never felt welcome in the library."
        ),
        "tags": ["children and youth", "community outreach"],
        "posts": [
            (
                "Andre B.",
                "JM",
                "Teenagers in our area saw the library as a place for small children and exam "
                "revision. We asked a group of them to redesign one corner, with their own "
                "music and their own rules. Within a month that corner was full every "
                "afternoon.",
            ),
            (
                "Marta G.",
                "ES",
                "We tried the same, and it worked until other users complained about the "
                "noise. Now the teenagers have the room on two afternoons a week, and they know "
                "those afternoons are theirs.",
            ),
            (
                "Kavya N.",
                "IN",
                "In our city many teenagers work after school. A homework club at six in the "
                "evening reaches far more of them than one at three. We changed our hours on two "
                "days a week, and the club doubled in size.",
            ),
            (
                "Andre B.",
                "JM",
                "Kavya, opening hours are so often the real barrier. We plan programmes for the "
                "times that suit the staff, not the people we want to reach.",
            ),
        ],
    },
    {
        "slug": "iln-2016-chat-09",
        "title": "Chat: learning when there is no training budget",
        "kind": "chat",
        "date": datetime.date(2016, 11, 2),
        "topic": "what-keeps-you-learning",
        "summary": (
            "Participants compared free and low-cost ways to keep learning: online courses, "
            "reading groups by phone, and the conversations of this network."
        ),
        "tags": ["professional development", "digital literacy"],
        "posts": [
            (
                "Tendai M.",
                "ZW",
                "School librarians in our district now hold a monthly reading group on one "
                "professional article. We share the article and discuss it by phone. It is the "
                "cheapest training I have ever had, and one of the best.",
            ),
            (
                "Maricel D.",
                "PH",
                "I started two free online courses this year, one on information literacy and "
                "one on digital preservation. I finished the first because I had a study "
                "partner, and abandoned the second because I did not. Learning alone is hard.",
            ),
            (
                "Jonas B.",
                "DE",
                "Maricel, that is why this network works for me: someone is waiting for my "
                "reply. The topics are the course, and my partner is the study group.",
            ),
            (
                "Mere V.",
                "FJ",
                "For those of us in island libraries, visiting another library usually means a "
                "flight. Online learning is not a second choice for us; often it is the only "
                "one. These two rounds have been the most useful training I have had in years.",
            ),
        ],
    },
    {
        "slug": "iln-2016-group-10",
        "title": "Closing discussion, Round 5: what we will take home",
        "kind": "group-discussion",
        "date": datetime.date(2016, 11, 5),
        "topic": "what-keeps-you-learning",
        "summary": (
            "The final facilitated discussion of Round 5. Participants named the one idea they "
            "will keep, and several pairs agreed to stay in touch."
        ),
        "tags": ["professional development"],
        "posts": [
            (
                "Petra B.",
                "HR",
                "We kept only six signs at the entrance, and it will stay that way. More "
                "importantly, I learned to look at the library as a stranger does, and I mean to "
                "do it every year.",
            ),
            (
                "Joseph L.",
                "KE",
                "Our recording project will now start with a meeting where the elders decide "
                "what is recorded and who may hear it. I learned that from Rosa and Lucía, and "
                "I am grateful.",
            ),
            (
                "Esther W.",
                "UG",
                "We are adding a second book box, at a clinic in another district. My partner "
                "in Costa Rica and I have agreed to compare notes again in six months.",
            ),
            (
                "Minji P.",
                "KR",
                "I will keep watching users. Five students taught me more about our catalogue "
                "than years of using it myself.",
            ),
            (
                "Agnieszka Z.",
                "PL",
                "A library card waiting on release is no longer just an idea: the director has "
                "agreed to discuss it with the prison. Thank you all.",
            ),
        ],
    },
]
