"""Translations of the demo home page and guidance (home/demo_data.py), written for this
project by people, not machine output. Each guidance entry mirrors the English one block
for block, so that the demo step can pair every English segment with its translation.

PLAN says which guidance pages each language gets, and in which state: French and Spanish
have everything live; Arabic is partial so that the translation status report shows every
state (live, draft, outdated; faq and getting-started are missing)."""

# The English footer text of the demo SiteTexts (its call to action is demo_data's).
ENGLISH_FOOTER_TEXT = (
    "Librarians learning from librarians: an international peer-mentoring network, "
    "facilitated by coordinators."
)

ALL_LIVE = {
    "how-it-works": "live",
    "being-a-good-partner": "live",
    "code-of-conduct": "live",
    "faq": "live",
    "getting-started": "live",
}

PLAN = {
    "fr": ALL_LIVE,
    "es": ALL_LIVE,
    "ar": {
        "how-it-works": "live",
        "being-a-good-partner": "draft",
        "code-of-conduct": "outdated",
    },
}

FRENCH = {
    "site_texts": {
        "application_title": "Participer à une session",
        "application_text": (
            "Parlez-nous de votre bibliothèque, des publics que vous servez et de ce que vous "
            "aimeriez apprendre d’un ou d’une collègue à l’étranger. Le formulaire prend une "
            "vingtaine de minutes. Après la date limite, les coordinateurs lisent chaque "
            "candidature et présentent chaque binôme de partenaires par courriel."
        ),
        "footer_text": (
            "Des bibliothécaires qui apprennent des bibliothécaires : un réseau international "
            "de mentorat entre pairs, animé par des coordinateurs."
        ),
    },
    "home": {
        "title": "Portail ILN",
        "hero_title": (
            "Des bibliothécaires qui apprennent les uns des autres, par-delà les frontières"
        ),
        "hero_text": (
            "Posez votre candidature à une session et nous vous mettrons en relation avec un ou "
            "une collègue d’un autre pays pour quatre mois d’échanges d’égal à égal. Personne "
            "n’est le mentor ni le protégé : vous apportez tous deux votre expérience, et vous "
            "repartez tous deux avec de nouvelles idées."
        ),
        "introduction": (
            "<p>Le réseau rassemble des bibliothécaires de bibliothèques publiques, scolaires, "
            "universitaires, spécialisées et associatives. Deux fois par an, nous ouvrons une "
            "session : les candidats sont réunis en binômes de pays différents et, pendant "
            "quatre mois, chaque binôme s’écrit, se téléphone et compare ses pratiques.</p>"
            "<p>Vous n’êtes pas livrés à vous-mêmes pour trouver des sujets de conversation. "
            "Toutes les deux semaines, les coordinateurs publient un thème de discussion "
            "accompagné de quelques questions pour démarrer, et ils animent des discussions de "
            "groupe et des chats ouverts à tous les participants de la session. Les partenariats "
            "se déroulent en anglais, et la participation est gratuite.</p>"
        ),
    },
    "guidance_index": {
        "title": "Guide",
        "introduction": (
            "<p>Tout ce qu’il faut savoir avant et pendant une session : comment se fait la mise "
            "en relation, ce qui fait un bon partenariat, la conduite attendue de chacun et des "
            "conseils pratiques pour vos premiers messages. Si vous ne trouvez pas la réponse à "
            "votre question, écrivez aux coordinateurs.</p>"
        ),
    },
    "guidance": {
        "how-it-works": {
            "title": "Le fonctionnement du programme",
            "summary": (
                "De la candidature au chat de clôture : l’organisation des sessions, la mise en "
                "relation des partenaires et le déroulement des quatre mois de partenariat."
            ),
            "body": [
                ("heading", "Poser sa candidature"),
                (
                    "paragraph",
                    "Les candidatures sont ouvertes deux fois par an. Le formulaire vous "
                    "interroge sur votre bibliothèque, votre fonction, les publics que vous "
                    "servez et ce que vous espérez apprendre. Il n’y a pas de bonne réponse : "
                    "ce que vous écrivez nous sert à vous trouver le bon partenaire.",
                ),
                ("heading", "Comment nous formons les binômes"),
                (
                    "paragraph",
                    "Après la date limite, les coordinateurs lisent chaque candidature et "
                    "associent des personnes qui travaillent dans des pays différents. Nous "
                    "cherchons des centres d’intérêt communs, un type de bibliothèque proche ou "
                    "une difficulté que l’un de vous a déjà rencontrée. Nous veillons aussi à ce "
                    "que les fuseaux horaires restent compatibles.",
                ),
                ("heading", "Quatre mois d’égal à égal"),
                (
                    "paragraph",
                    "Un partenariat dure quatre mois. Personne n’est le mentor ni le protégé : "
                    "chacun partage ce qu’il sait et pose des questions sur ce qu’il ignore. "
                    "Une bibliothécaire scolaire tout juste diplômée et un directeur fort de "
                    "trente ans de carrière ont autant à apprendre l’un de l’autre.",
                ),
                (
                    "paragraph",
                    "Toutes les deux semaines, les coordinateurs publient un thème de "
                    "discussion accompagné de quelques questions. Vous pouvez le suivre de près "
                    "ou simplement vous en servir comme point de départ. Pendant la session, des "
                    "discussions de groupe animées et des chats vous permettent aussi de "
                    "rencontrer les autres participants.",
                ),
                (
                    "callout",
                    (
                        "À la fin d’une session",
                        "Nous demandons à chaque participant de donner son avis. Cela prend dix "
                        "minutes et façonne la session suivante : beaucoup de nos thèmes ont été "
                        "proposés par d’anciens participants.",
                    ),
                ),
            ],
        },
        "being-a-good-partner": {
            "title": "Être un bon partenaire",
            "summary": (
                "Ce qui fait réussir un partenariat : garder un rythme, poser de vraies "
                "questions, écouter un contexte différent et prévenir tôt quand la vie devient "
                "chargée."
            ),
            "body": [
                ("heading", "Garder un rythme"),
                (
                    "paragraph",
                    "Les partenariats qui fonctionnent ne sont pas forcément ceux où l’on "
                    "écrit les plus longs messages, mais ceux où les deux personnes écrivent "
                    "régulièrement. Convenez tôt de la fréquence de vos échanges et essayez de "
                    "répondre dans la semaine.",
                ),
                ("heading", "Demander, puis écouter"),
                (
                    "paragraph",
                    "La bibliothèque de votre partenaire a peut-être un budget, des locaux, un "
                    "public ou des règles très différents des vôtres. Avant de proposer une "
                    "solution, demandez comment les choses fonctionnent chez lui ou chez elle, et "
                    "pourquoi. Les idées les plus utiles naissent souvent de ce que votre "
                    "partenaire a déjà essayé.",
                ),
                (
                    "paragraph",
                    "Parlez aussi de vos difficultés, pas seulement de vos réussites. Dans un "
                    "partenariat d’égal à égal, chacun a le droit de ne pas savoir.",
                ),
                (
                    "quote",
                    (
                        "Je pensais que ce serait moi qui donnerais des conseils. Au deuxième "
                        "mois, je prenais des notes sur la façon dont ma partenaire animait des "
                        "clubs de lecture avec trois fois rien.",
                        "Une participante d’une session précédente",
                    ),
                ),
                ("heading", "Quand la vie devient chargée"),
                (
                    "paragraph",
                    "Tout le monde a des semaines où le travail ou la famille passent en "
                    "premier. Si vous avez besoin d’une pause, dites-le à votre partenaire en "
                    "quelques mots plutôt que de disparaître. Si quelque chose ne fonctionne "
                    "pas, les coordinateurs sont là pour vous aider.",
                ),
            ],
        },
        "code-of-conduct": {
            "title": "Code de conduite",
            "summary": (
                "Le comportement attendu dans les partenariats, les discussions de groupe et "
                "les chats, et la manière de signaler un problème aux coordinateurs."
            ),
            "body": [
                (
                    "paragraph",
                    "Le réseau réunit des personnes de pays, de langues, de convictions et de "
                    "conditions de travail très divers. Ce code s’applique aux partenariats, aux "
                    "discussions de groupe, aux chats et aux fils de forum, et il engage les "
                    "coordinateurs autant que les participants.",
                ),
                ("heading", "Ce que nous attendons"),
                (
                    "paragraph",
                    "Soyez respectueux et patients, en particulier avec les personnes qui "
                    "écrivent dans leur deuxième ou troisième langue. Présumez la bonne foi et "
                    "posez la question quand quelque chose n’est pas clair. Contestez les idées, "
                    "jamais les personnes.",
                ),
                (
                    "paragraph",
                    "Respectez la vie privée. Ce que votre partenaire vous confie sur ses "
                    "collègues, ses usagers ou son établissement reste entre vous, sauf accord "
                    "de sa part. Demandez la permission avant de citer quelqu’un en dehors du "
                    "réseau.",
                ),
                ("heading", "Ce qui n’est pas acceptable"),
                (
                    "paragraph",
                    "Le harcèlement, les insultes et toute forme de discrimination. Les "
                    "attentions personnelles ou amoureuses non désirées. L’utilisation du réseau "
                    "pour vendre des produits ou des services, ou pour collecter des contacts à "
                    "des fins sans rapport avec le programme.",
                ),
                (
                    "callout",
                    (
                        "Signaler un problème",
                        "Si quelque chose vous met mal à l’aise, écrivez aux coordinateurs. Nous "
                        "vous écouterons, nous garderons votre message confidentiel et, si "
                        "nécessaire, nous mettrons fin à un partenariat ou exclurons une personne "
                        "du réseau.",
                    ),
                ),
            ],
        },
        "faq": {
            "title": "Questions fréquentes",
            "summary": (
                "Des réponses courtes aux questions que l’on nous pose le plus : langue, temps, "
                "coût, partenaires silencieux, fuseaux horaires, vie privée et organisation du "
                "réseau."
            ),
            "body": [
                ("heading", "Avant de poser votre candidature"),
                (
                    "paragraph",
                    "Voici les questions que les candidats et les participants nous posent le "
                    "plus souvent. Si la vôtre n’y figure pas, écrivez aux coordinateurs : nous "
                    "répondons à chaque message.",
                ),
                (
                    "faq",
                    [
                        (
                            "Quel niveau d’anglais faut-il avoir ?",
                            "Il faut être à l’aise pour lire et écrire un anglais courant. La "
                            "plupart des participants n’ont pas l’anglais pour langue maternelle, "
                            "et personne n’attend une grammaire parfaite. Le plus simple et le "
                            "plus clair est le mieux.",
                        ),
                        (
                            "Combien de temps cela demande-t-il ?",
                            "La plupart des participants y consacrent une à deux heures toutes "
                            "les deux semaines : lire le thème, écrire à leur partenaire et, "
                            "quand ils le peuvent, rejoindre une discussion de groupe ou un chat. "
                            "Vous pouvez en faire davantage, mais rien ne vous y oblige.",
                        ),
                        (
                            "Est-ce payant ?",
                            "Non. La participation est gratuite. Le réseau est animé par des "
                            "bénévoles, et il n’y a aucun frais de candidature ni de "
                            "participation.",
                        ),
                        (
                            "Que faire si mon partenaire ne donne plus de nouvelles ?",
                            "Envoyez d’abord un petit rappel amical : des messages se perdent et "
                            "chacun peut être débordé. Sans nouvelles au bout de deux ou trois "
                            "semaines, prévenez les coordinateurs. Ils contacteront votre "
                            "partenaire et, si nécessaire, vous en trouveront un autre ou vous "
                            "proposeront de rejoindre un trio.",
                        ),
                        (
                            "Puis-je poser ma candidature à nouveau ?",
                            "Oui. Beaucoup de personnes participent à plusieurs sessions, et "
                            "vous êtes chaque fois associé à quelqu’un de nouveau. Quand une "
                            "session est très demandée, nous pouvons donner la priorité aux "
                            "personnes qui participent pour la première fois.",
                        ),
                        (
                            "Que se passe-t-il quand le nombre de participants est impair ?",
                            "Nous formons un trio : trois bibliothécaires de trois pays qui "
                            "travaillent ensemble. Les trios donnent souvent des conversations "
                            "très vivantes ; nous demandons simplement que chacun mette les trois "
                            "personnes en copie de ses messages.",
                        ),
                        (
                            "Mon partenaire vit dans un fuseau horaire très différent. Est-ce "
                            "que cela peut marcher ?",
                            "Oui. L’essentiel des échanges se fait par écrit, donc peu importe "
                            "l’heure à laquelle vous répondez. Pour les appels, nous conseillons "
                            "de fixer tôt un créneau régulier. Les chats de groupe ont lieu à "
                            "différentes heures pour que chacun puisse en rejoindre certains.",
                        ),
                        (
                            "Qui peut voir mon profil ?",
                            "Votre candidature n’est lue que par les coordinateurs. Votre "
                            "partenaire reçoit votre nom, votre pays, votre bibliothèque et les "
                            "centres d’intérêt que vous avez choisi de partager. Rien n’est "
                            "publié sur ce site sans votre accord.",
                        ),
                        (
                            "Qui sont les coordinateurs ?",
                            "Des bibliothécaires qui donnent bénévolement de leur temps pour "
                            "organiser les sessions. La plupart sont d’anciens participants. Ils "
                            "forment les binômes, rédigent les thèmes de la quinzaine, animent "
                            "les discussions et répondent à vos questions.",
                        ),
                    ],
                ),
            ],
        },
        "getting-started": {
            "title": "Bien démarrer : premiers messages et premier mois",
            "summary": (
                "Des conseils pratiques pour votre premier message, votre premier appel et le "
                "premier mois d’un partenariat, quand vous cherchez encore votre rythme à deux."
            ),
            "body": [
                ("heading", "Votre premier message"),
                (
                    "paragraph",
                    "Écrivez dans les jours qui suivent le courriel de mise en relation. "
                    "Présentez-vous, dites où vous travaillez et à quoi ressemble une journée "
                    "ordinaire pour vous. Posez une ou deux vraies questions sur la "
                    "bibliothèque de votre partenaire.",
                ),
                (
                    "paragraph",
                    "Restez bref. Un premier message de quelques paragraphes est plus facile à "
                    "lire et à suivre qu’une longue lettre, et il laisse place à la conversation.",
                ),
                (
                    "callout",
                    (
                        "Convenez des aspects pratiques",
                        "Dès vos premiers échanges, mettez-vous d’accord sur trois points : "
                        "comment vous restez en contact (courriel, messagerie, appels vidéo), à "
                        "quelle fréquence, et quels horaires vous conviennent à tous les deux.",
                    ),
                ),
                ("heading", "Le premier mois"),
                (
                    "paragraph",
                    "Le premier thème de chaque session porte sur la découverte mutuelle. "
                    "Profitez-en : décrivez votre bâtiment, vos usagers et vos collègues. Les "
                    "photos aident beaucoup, à condition que personne n’y soit reconnaissable "
                    "sans son accord.",
                ),
                (
                    "paragraph",
                    "D’ici la fin du premier mois, essayez de nommer chacun une chose que vous "
                    "aimeriez apprendre ou changer pendant le partenariat. Elle peut être modeste. "
                    "Elle donne une direction à vos échanges quand les thèmes ne s’y prêtent pas "
                    "tout à fait.",
                ),
                (
                    "paragraph",
                    "Participez à au moins une discussion de groupe ou un chat dans les "
                    "premières semaines. Rencontrer les autres participants rend le réseau "
                    "concret, et vous entendrez des idées à partager avec votre partenaire.",
                ),
            ],
        },
    },
}

SPANISH = {
    "site_texts": {
        "application_title": "Participar en una edición",
        "application_text": (
            "Cuéntenos cómo es su biblioteca, a quién atiende y qué le gustaría aprender de un "
            "colega de otro país. El formulario lleva unos veinte minutos. Al cierre de la "
            "convocatoria, los coordinadores leen todas las solicitudes y presentan a cada "
            "pareja por correo electrónico."
        ),
        "footer_text": (
            "Bibliotecarios que aprenden de bibliotecarios: una red internacional de mentoría "
            "entre pares, acompañada por coordinadores."
        ),
    },
    "home": {
        "title": "Portal ILN",
        "hero_title": "Bibliotecarios que aprenden de bibliotecarios, más allá de las fronteras",
        "hero_text": (
            "Preséntese a una ronda y le pondremos en contacto con un colega de otro país para "
            "cuatro meses de conversación de igual a igual. Nadie es el mentor ni el aprendiz: "
            "los dos aportan experiencia y los dos vuelven a casa con ideas nuevas."
        ),
        "introduction": (
            "<p>La red reúne a bibliotecarios de bibliotecas públicas, escolares, "
            "universitarias, especializadas y comunitarias. Dos veces al año abrimos una ronda: "
            "emparejamos a los solicitantes con colegas de otros países y, durante cuatro meses, "
            "cada pareja se escribe, se llama y compara su trabajo.</p>"
            "<p>No tendrá que buscar solo los temas de conversación. Cada quince días de la "
            "ronda, la coordinación publica un tema de debate con algunas preguntas para "
            "empezar, y organiza debates de grupo y chats en los que puede participar todo el "
            "mundo. Los emparejamientos se desarrollan en inglés y la participación es "
            "gratuita.</p>"
        ),
    },
    "guidance_index": {
        "title": "Guía",
        "introduction": (
            "<p>Todo lo que necesita antes y durante una ronda: cómo se forman las parejas, "
            "qué hace que un emparejamiento funcione, la conducta que esperamos de todos y "
            "consejos prácticos para sus primeros mensajes. Si no encuentra aquí la respuesta "
            "a su pregunta, escriba a la coordinación.</p>"
        ),
    },
    "guidance": {
        "how-it-works": {
            "title": "Cómo funciona el programa",
            "summary": (
                "De la solicitud al chat de cierre: cómo se organizan las rondas, cómo "
                "formamos las parejas y qué ocurre durante los cuatro meses del emparejamiento."
            ),
            "body": [
                ("heading", "Presentar la solicitud"),
                (
                    "paragraph",
                    "Abrimos las solicitudes dos veces al año. El formulario pregunta por su "
                    "biblioteca, su puesto, las personas a las que atiende y lo que espera "
                    "aprender. No hay respuestas correctas: usamos lo que escribe para "
                    "encontrarle una buena pareja.",
                ),
                ("heading", "Cómo formamos las parejas"),
                (
                    "paragraph",
                    "Al cerrar el plazo, la coordinación lee todas las solicitudes y empareja a "
                    "personas que trabajan en países distintos. Buscamos intereses comunes, un "
                    "tipo de biblioteca parecido o un reto que uno de los dos ya ha afrontado. "
                    "También procuramos que los husos horarios sean compatibles.",
                ),
                ("heading", "Cuatro meses de igual a igual"),
                (
                    "paragraph",
                    "Un emparejamiento dura cuatro meses. Nadie es el mentor ni el aprendiz: "
                    "los dos comparten lo que saben y preguntan por lo que no saben. Una "
                    "bibliotecaria escolar recién titulada y un director con treinta años de "
                    "experiencia pueden aprender lo mismo el uno del otro.",
                ),
                (
                    "paragraph",
                    "Cada quince días la coordinación publica un tema de debate con algunas "
                    "preguntas. Puede seguirlo de cerca o usarlo como punto de partida. Durante "
                    "la ronda también hay debates de grupo moderados y chats donde conocerá a "
                    "los demás participantes.",
                ),
                (
                    "callout",
                    (
                        "Al final de una ronda",
                        "Pedimos su opinión a todos los participantes. Se tarda diez minutos y "
                        "da forma a la siguiente ronda: muchos de nuestros temas los propusieron "
                        "antiguos participantes.",
                    ),
                ),
            ],
        },
        "being-a-good-partner": {
            "title": "Ser un buen compañero",
            "summary": (
                "Qué hace que un emparejamiento funcione: mantener un ritmo, hacer preguntas "
                "de verdad, escuchar un contexto distinto y avisar pronto cuando la vida se "
                "complica."
            ),
            "body": [
                ("heading", "Mantenga un ritmo"),
                (
                    "paragraph",
                    "Los emparejamientos que salen bien rara vez son los de mensajes más "
                    "largos. Son aquellos en los que las dos personas escriben con regularidad. "
                    "Acuerden pronto cada cuánto van a escribirse e intenten responder en menos "
                    "de una semana.",
                ),
                ("heading", "Pregunte y luego escuche"),
                (
                    "paragraph",
                    "La biblioteca de su compañero puede tener un presupuesto, un edificio, una "
                    "comunidad o unas normas muy distintas. Antes de proponer una solución, "
                    "pregunte cómo funcionan allí las cosas y por qué. Las ideas más útiles "
                    "suelen surgir de entender lo que su compañero ya ha intentado.",
                ),
                (
                    "paragraph",
                    "Comparta también sus dificultades, no solo sus logros. En un "
                    "emparejamiento de igual a igual, los dos tienen derecho a no saber.",
                ),
                (
                    "quote",
                    (
                        "Pensaba que sería yo quien daría consejos. Al segundo mes estaba "
                        "tomando notas de cómo mi compañera organizaba clubes de lectura casi "
                        "sin presupuesto.",
                        "Una participante de una ronda anterior",
                    ),
                ),
                ("heading", "Cuando la vida se complica"),
                (
                    "paragraph",
                    "Todos tenemos semanas en las que el trabajo o la familia van primero. Si "
                    "necesita una pausa, dígaselo a su compañero con un mensaje breve en lugar "
                    "de desaparecer. Si algo no funciona, la coordinación está para ayudar.",
                ),
            ],
        },
        "code-of-conduct": {
            "title": "Código de conducta",
            "summary": (
                "La conducta que esperamos en los emparejamientos, los debates de grupo y los "
                "chats, y cómo comunicar un problema a la coordinación."
            ),
            "body": [
                (
                    "paragraph",
                    "La red reúne a personas de muchos países, lenguas, creencias y condiciones "
                    "de trabajo. Este código se aplica a los emparejamientos, los debates de "
                    "grupo, los chats y los hilos del foro, y obliga a la coordinación tanto "
                    "como a los participantes.",
                ),
                ("heading", "Lo que esperamos"),
                (
                    "paragraph",
                    "Sea respetuoso y paciente, sobre todo con quienes escriben en su segunda o "
                    "tercera lengua. Presuponga la buena intención y pregunte cuando algo no "
                    "esté claro. Discrepe de las ideas, nunca de las personas.",
                ),
                (
                    "paragraph",
                    "Respete la privacidad. Lo que su compañero le cuente sobre sus colegas, "
                    "sus usuarios o su institución queda entre ustedes, salvo que acuerden otra "
                    "cosa. Pida permiso antes de citar a alguien fuera de la red.",
                ),
                ("heading", "Lo que no es aceptable"),
                (
                    "paragraph",
                    "El acoso, los insultos y cualquier forma de discriminación. Las "
                    "atenciones personales o románticas no deseadas. Usar la red para vender "
                    "productos o servicios, o para reunir contactos con fines ajenos al "
                    "programa.",
                ),
                (
                    "callout",
                    (
                        "Comunicar un problema",
                        "Si algo le incomoda, escriba a la coordinación. Le escucharemos, "
                        "trataremos su mensaje con confidencialidad y, si hace falta, pondremos "
                        "fin a un emparejamiento o retiraremos a alguien de la red.",
                    ),
                ),
            ],
        },
        "faq": {
            "title": "Preguntas frecuentes",
            "summary": (
                "Respuestas breves a las preguntas que más nos hacen: idioma, tiempo, coste, "
                "compañeros que no responden, husos horarios, privacidad y quién lleva la red."
            ),
            "body": [
                ("heading", "Antes de presentar la solicitud"),
                (
                    "paragraph",
                    "Estas son las preguntas que más nos hacen los solicitantes y los "
                    "participantes. Si falta la suya, escriba a la coordinación: respondemos a "
                    "todos los mensajes.",
                ),
                (
                    "faq",
                    [
                        (
                            "¿Qué nivel de inglés necesito?",
                            "Debe sentirse cómodo leyendo y escribiendo inglés cotidiano. La "
                            "mayoría de los participantes no tiene el inglés como lengua "
                            "materna, y nadie espera una gramática perfecta. Lo mejor es "
                            "escribir de forma clara y sencilla.",
                        ),
                        (
                            "¿Cuánto tiempo requiere?",
                            "La mayoría dedica una o dos horas cada quince días: leer el tema, "
                            "escribir a su compañero y, cuando puede, participar en un debate de "
                            "grupo o un chat. Puede hacer más, pero no es obligatorio.",
                        ),
                        (
                            "¿Cuesta algo?",
                            "No. La participación es gratuita. La red la llevan voluntarios y no "
                            "hay que pagar nada para presentar la solicitud ni para participar.",
                        ),
                        (
                            "¿Y si mi compañero deja de responder?",
                            "Envíe primero un recordatorio breve y amable: los mensajes se "
                            "pierden y la gente tiene mucho trabajo. Si no sabe nada en dos o "
                            "tres semanas, avise a la coordinación. Se pondrá en contacto con su "
                            "compañero y, si hace falta, le buscará otra pareja o le invitará a "
                            "un trío.",
                        ),
                        (
                            "¿Puedo volver a presentarme?",
                            "Sí. Muchas personas participan en varias rondas, y cada vez se les "
                            "empareja con alguien nuevo. Cuando una ronda está muy llena, podemos "
                            "dar prioridad a quienes se presentan por primera vez.",
                        ),
                        (
                            "¿Qué pasa si el número de participantes es impar?",
                            "Formamos un trío: tres bibliotecarios de tres países que trabajan "
                            "juntos. Los tríos suelen dar conversaciones muy animadas; solo "
                            "pedimos que todos pongan en copia a las tres personas en sus "
                            "mensajes.",
                        ),
                        (
                            "Mi compañero vive en un huso horario muy distinto. ¿Funcionará?",
                            "Sí. La mayor parte del intercambio es por escrito, así que no "
                            "importa cuándo responda. Para las llamadas, le sugerimos fijar "
                            "pronto un horario habitual. Los chats de grupo se celebran a "
                            "distintas horas para que todos puedan asistir a alguno.",
                        ),
                        (
                            "¿Quién puede ver mi perfil?",
                            "Su solicitud solo la lee la coordinación. Su compañero recibe su "
                            "nombre, su país, su biblioteca y los intereses que usted haya "
                            "decidido compartir. No se publica nada en este sitio sin su "
                            "consentimiento.",
                        ),
                        (
                            "¿Quiénes forman la coordinación?",
                            "Bibliotecarios que dedican su tiempo como voluntarios a organizar "
                            "las rondas. La mayoría son antiguos participantes. Forman las "
                            "parejas, redactan los temas quincenales, moderan los debates y "
                            "responden a sus preguntas.",
                        ),
                    ],
                ),
            ],
        },
        "getting-started": {
            "title": "Primeros pasos: los primeros mensajes y el primer mes",
            "summary": (
                "Consejos prácticos para su primer mensaje, su primera llamada y el primer mes "
                "de un emparejamiento, cuando usted y su compañero aún buscan su ritmo."
            ),
            "body": [
                ("heading", "Su primer mensaje"),
                (
                    "paragraph",
                    "Escriba en los días siguientes al correo de presentación. Cuente quién es, "
                    "dónde trabaja y cómo es un día normal para usted. Haga una o dos preguntas "
                    "de verdad sobre la biblioteca de su compañero.",
                ),
                (
                    "paragraph",
                    "Sea breve. Un primer mensaje de unos pocos párrafos es más fácil de "
                    "responder que una carta larga, y deja espacio para la conversación.",
                ),
                (
                    "callout",
                    (
                        "Acuerden los aspectos prácticos",
                        "En su primer intercambio, pónganse de acuerdo en tres cosas: cómo van "
                        "a mantener el contacto (correo, mensajería, videollamadas), con qué "
                        "frecuencia y qué horarios les vienen bien a los dos.",
                    ),
                ),
                ("heading", "El primer mes"),
                (
                    "paragraph",
                    "El primer tema de cada ronda trata de conocerse. Aprovéchelo: describa su "
                    "edificio, sus usuarios y sus colegas. Las fotos ayudan mucho, siempre que "
                    "no aparezca nadie reconocible sin su permiso.",
                ),
                (
                    "paragraph",
                    "Antes de que acabe el primer mes, intenten nombrar cada uno algo que les "
                    "gustaría aprender o cambiar durante el emparejamiento. Puede ser algo "
                    "pequeño. Da un rumbo a sus conversaciones cuando los temas no encajan del "
                    "todo.",
                ),
                (
                    "paragraph",
                    "Participe en al menos un debate de grupo o un chat en las primeras "
                    "semanas. Conocer a los demás participantes hace que la red se sienta "
                    "real, y oirá ideas que podrá compartir con su compañero.",
                ),
            ],
        },
    },
}

ARABIC = {
    # Partial: the call's text is not translated yet (it shows in English).
    "site_texts": {
        "application_title": "شارك في إحدى الدورات",
        "footer_text": (
            "أمناء مكتبات يتعلّمون من أمناء مكتبات: شبكة دولية للإرشاد بين الأقران يرافقها منسقون."
        ),
    },
    "home": {
        "title": "بوابة ILN",
        "hero_title": "أمناء مكتبات يتعلّمون من أمناء مكتبات، عبر الحدود",
        "hero_text": (
            "تقدَّم إلى إحدى الدورات وسنجمعك بزميل أو زميلة من بلد آخر لأربعة أشهر من الحوار "
            "بين أنداد. لا أحد هنا مرشد ولا أحد متدرّب: كلاكما يحمل خبرته، وكلاكما يعود بأفكار "
            "جديدة."
        ),
        "introduction": (
            "<p>تجمع الشبكة أمناء مكتبات من المكتبات العامة والمدرسية والجامعية والمتخصصة "
            "والمجتمعية. نفتح دورة جديدة مرتين في السنة: نجمع المتقدمين في ثنائيات من بلدان "
            "مختلفة، ولمدة أربعة أشهر يتراسل كل ثنائي ويتحادث ويتبادل الخبرات حول عمله.</p>"
            "<p>لن تُترك وحدك للبحث عن مواضيع للحديث. كل أسبوعين خلال الدورة ينشر المنسقون "
            "موضوعًا للنقاش مع بضعة أسئلة للانطلاق، ويديرون نقاشات جماعية ومحادثات يمكن لكل "
            "المشاركين في الدورة الانضمام إليها. تُدار الشراكات باللغة الإنجليزية، والمشاركة "
            "مجانية.</p>"
        ),
    },
    "guidance_index": {
        "title": "الإرشادات",
        "introduction": (
            "<p>كل ما تحتاج إليه قبل الدورة وخلالها: كيف نشكّل الثنائيات، وما الذي يصنع شراكة "
            "ناجحة، والسلوك الذي نتوقعه من الجميع، ونصائح عملية لرسائلك الأولى. إن لم تجد "
            "جوابًا عن سؤالك هنا، فاكتب إلى المنسقين.</p>"
        ),
    },
    "guidance": {
        "how-it-works": {
            "title": "كيف يعمل البرنامج",
            "summary": (
                "من طلب المشاركة إلى محادثة الختام: كيف تُنظَّم الدورات، وكيف نختار الشركاء، "
                "وما الذي يحدث خلال أشهر الشراكة الأربعة."
            ),
            "body": [
                ("heading", "التقدّم إلى دورة"),
                (
                    "paragraph",
                    "نفتح باب التقديم مرتين في السنة. يسألك النموذج عن مكتبتك ودورك والجمهور "
                    "الذي تخدمه وما تأمل أن تتعلّمه. لا توجد إجابات صحيحة وأخرى خاطئة: نستعين "
                    "بما تكتبه لنجد لك شريكًا مناسبًا.",
                ),
                ("heading", "كيف نختار الشركاء"),
                (
                    "paragraph",
                    "بعد انتهاء المهلة يقرأ المنسقون كل الطلبات ويجمعون بين أشخاص يعملون في "
                    "بلدان مختلفة. نبحث عن اهتمامات مشتركة، أو نوع متقارب من المكتبات، أو تحدٍّ "
                    "سبق أن واجهه أحدكما. ونحرص أيضًا على أن يكون فارق التوقيت معقولًا.",
                ),
                ("heading", "أربعة أشهر بين أنداد"),
                (
                    "paragraph",
                    "تستمر الشراكة أربعة أشهر. لا أحد فيها مرشد ولا أحد متدرّب: يشارك كل من "
                    "الشريكين ما يعرفه ويسأل عمّا لا يعرفه. فأمينة مكتبة مدرسية حديثة التخرج "
                    "ومدير أمضى ثلاثين عامًا في الخدمة يمكن أن يتعلّم كل منهما من الآخر بالقدر "
                    "نفسه.",
                ),
                (
                    "paragraph",
                    "كل أسبوعين ينشر المنسقون موضوعًا للنقاش مع بضعة أسئلة. يمكنك متابعته عن "
                    "كثب أو اتخاذه نقطة انطلاق فحسب. وتُعقد خلال الدورة أيضًا نقاشات جماعية "
                    "مُيسَّرة ومحادثات تلتقي فيها بالمشاركين الآخرين.",
                ),
                (
                    "callout",
                    (
                        "في نهاية الدورة",
                        "نطلب من كل مشارك أن يشاركنا رأيه. يستغرق ذلك عشر دقائق ويساعدنا على "
                        "تشكيل الدورة التالية: فكثير من موضوعاتنا اقترحها مشاركون سابقون.",
                    ),
                ),
            ],
        },
        "being-a-good-partner": {
            "title": "كيف تكون شريكًا جيدًا",
            "summary": (
                "ما الذي يُنجح الشراكة: الحفاظ على إيقاع منتظم، وطرح أسئلة حقيقية، والإصغاء "
                "إلى سياق مختلف، والتنبيه مبكرًا حين تزدحم الحياة."
            ),
            "body": [
                ("heading", "حافظ على إيقاع منتظم"),
                (
                    "paragraph",
                    "الشراكات الناجحة نادرًا ما تكون تلك التي تُكتب فيها أطول الرسائل، بل تلك "
                    "التي يكتب فيها الطرفان بانتظام. اتفقا مبكرًا على عدد مرات التواصل، وحاول "
                    "أن ترد في غضون أسبوع.",
                ),
                ("heading", "اسأل ثم أصغِ"),
                (
                    "paragraph",
                    "قد تختلف مكتبة شريكك عن مكتبتك اختلافًا كبيرًا في الميزانية أو المبنى أو "
                    "المجتمع أو الأنظمة. قبل أن تقترح حلًّا، اسأل كيف تجري الأمور هناك ولماذا. "
                    "كثيرًا ما تأتي أنفع الأفكار من فهم ما جرّبه شريكك من قبل.",
                ),
                (
                    "paragraph",
                    "تحدّث أيضًا عن الصعوبات التي تواجهها، لا عن نجاحاتك فقط. فالشراكة بين "
                    "أنداد تعني أن من حق كل منكما ألّا يعرف.",
                ),
                (
                    "quote",
                    (
                        "ظننت أنني من سيقدّم النصائح. لكنني في الشهر الثاني كنت أدوّن "
                        "ملاحظات عن الطريقة التي تدير بها شريكتي نوادي القراءة بموارد شبه "
                        "معدومة.",
                        "مشاركة من دورة سابقة",
                    ),
                ),
                ("heading", "حين تزدحم الحياة"),
                (
                    "paragraph",
                    "لكلٍّ منا أسابيع يأتي فيها العمل أو العائلة أولًا. إن احتجت إلى استراحة، "
                    "فأخبر شريكك برسالة قصيرة بدلًا من الانقطاع دون كلمة. وإن لم يسر أمر ما "
                    "على ما يرام، فالمنسقون موجودون للمساعدة.",
                ),
            ],
        },
        "code-of-conduct": {
            "title": "مدونة السلوك",
            "summary": (
                "السلوك الذي نتوقعه في الشراكات والنقاشات الجماعية والمحادثات، وكيفية إبلاغ "
                "المنسقين بأي مشكلة."
            ),
            "body": [
                (
                    "paragraph",
                    "تجمع الشبكة أشخاصًا من بلدان ولغات ومعتقدات وظروف عمل متنوعة. تنطبق هذه "
                    "المدونة على الشراكات والنقاشات الجماعية والمحادثات وسلاسل المنتدى، وتُلزم "
                    "المنسقين كما تُلزم المشاركين.",
                ),
                ("heading", "ما نتوقعه"),
                (
                    "paragraph",
                    "كن محترمًا وصبورًا، ولا سيما مع من يكتبون بلغتهم الثانية أو الثالثة. "
                    "افترض حسن النية واسأل حين يكون أمر ما غير واضح. اختلف مع الأفكار، لا مع "
                    "الأشخاص.",
                ),
                (
                    "paragraph",
                    "احترم الخصوصية. ما يخبرك به شريكك عن زملائه أو رواد مكتبته أو مؤسسته "
                    "يبقى بينكما ما لم يوافق على غير ذلك. استأذن قبل أن تقتبس كلام أي شخص "
                    "خارج الشبكة.",
                ),
                ("heading", "ما لا نقبله"),
                (
                    "paragraph",
                    "التحرّش والإهانات والتمييز بكل أشكاله. والاهتمام الشخصي أو العاطفي غير "
                    "المرغوب فيه. واستخدام الشبكة لبيع المنتجات أو الخدمات، أو لجمع جهات اتصال "
                    "لأغراض لا علاقة لها بالبرنامج.",
                ),
                (
                    "callout",
                    (
                        "الإبلاغ عن مشكلة",
                        "إن أزعجك أمر ما، فاكتب إلى المنسقين. سنصغي إليك ونحفظ سرية رسالتك، "
                        "وعند الضرورة سننهي الشراكة أو نستبعد الشخص المعني من الشبكة.",
                    ),
                ),
            ],
        },
    },
}

TEXTS = {"fr": FRENCH, "es": SPANISH, "ar": ARABIC}
