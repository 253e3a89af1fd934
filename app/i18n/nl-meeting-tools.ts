/**
 * The Dutch messages of the meeting pages' tools (date polls, the follow-up and feedback forms,
 * the calendar settings): a chunk of its own besides nl-meetings.ts, so a meeting's own page
 * stays light (see app/i18n/index.ts).
 */
export const nlMeetingTools = {
  poll: {
    pageTitle: "Datumprikker",
    newTitle: "Datumprikker maken",
    intro:
      "Stel 2 tot 10 momenten voor. De leden geven per moment aan of het ze past; daarna kies jij de datum.",
    titleDefault: "Volgende bijeenkomst",
    field: {
      title: "Titel",
      note: "Toelichting (niet verplicht)",
      noteHelp: "Bijvoorbeeld waar het ongeveer zal zijn, of tot wanneer je antwoorden wilt.",
      slots: "Mogelijke momenten",
      slotsHelp: "Vul de tijd in zoals die in Nederland geldt. Lege regels slaan we over.",
      decided:
        "Deze datumprikker is intussen al afgerond, misschien in een ander venster. Er is niets gepland: kijk op de datumprikker welke bijeenkomst er staat.",
      slot: "Moment {{n}}",
      date: "Datum",
      startTime: "Begintijd",
      endTime: "Eindtijd",
    },
    addSlot: "Nog een moment toevoegen",
    removeSlot: "Moment {{n}} weghalen",
    create: "Datumprikker versturen",
    createdToast: "De datumprikker staat klaar. De leden krijgen een bericht.",
    answer: { yes: "Ja", maybe: "Als het moet", no: "Nee" },
    tally: "{{yes}} ja, {{maybe}} als het moet, {{no}} nee",
    best: "Past de meesten",
    voteIntro: "Geef per moment aan of het je past. Je kunt je antwoorden later nog wijzigen.",
    vote: "Antwoorden opslaan",
    votedToast: "Je antwoorden zijn opgeslagen.",
    answered_one: "{{count}} van de {{total}} leden heeft geantwoord.",
    answered_other: "{{count}} van de {{total}} leden hebben geantwoord.",
    notAnswered: "Nog niet geantwoord: {{names}}",
    everyoneAnswered: "Iedereen heeft geantwoord.",
    choose: "Deze datum kiezen",
    chooseLabel: "Deze datum kiezen: {{when}}",
    stop: "Datumprikker stoppen",
    stopHelp: "Er komt dan geen bijeenkomst uit deze datumprikker. De antwoorden blijven bewaard.",
    status: { open: "Open", decided: "Datum gekozen", cancelled: "Gestopt" },
    decided: "De datum is gekozen: {{when}}.",
    toMeeting: "Naar de bijeenkomst",
    cancelled: "De begeleider heeft deze datumprikker gestopt.",
    coachView: "Jij begeleidt de kring: je ziet hoe de leden antwoorden en kiest daarna de datum.",
    deciding:
      "Je kiest een moment uit de datumprikker “{{title}}”. Vul de rest aan; de leden krijgen bericht zodra je de bijeenkomst plant.",
    error: {
      past: "Dit moment is al voorbij. Kies een moment in de toekomst.",
      duplicate: "Dit moment staat er al.",
      tooFew_one: "Stel minstens {{count}} moment voor.",
      tooFew_other: "Stel minstens {{count}} momenten voor.",
      tooMany_one: "Je kunt hoogstens {{count}} moment voorstellen.",
      tooMany_other: "Je kunt hoogstens {{count}} momenten voorstellen.",
      answerEach: "Kies een antwoord voor dit moment.",
      closed: "Deze datumprikker is al afgerond. Je kunt niet meer stemmen.",
      slot: "Dit moment hoort niet bij deze datumprikker.",
    },
  },
  calendar: {
    title: "Je bijeenkomsten in je agenda",
    intro:
      "Met een persoonlijke agenda-link staan alle bijeenkomsten van je kringen in je eigen agenda: Google Agenda, Outlook of Apple Agenda. Verzet of zegt de begeleider een bijeenkomst af, dan past je agenda zich vanzelf aan.",
    statusTitle: "Je agenda-link",
    statusOn: "Je agenda-link staat aan sinds {{date}}.",
    statusOff: "Je hebt nog geen agenda-link.",
    create: "Maak een agenda-link",
    regenerate: "Nieuwe link maken",
    regenerateHelp:
      "Denk je dat iemand anders je link kent, of ben je hem kwijt? Maak dan een nieuwe. Je oude link werkt dan meteen niet meer: een agenda met de oude link krijgt geen bijeenkomsten meer. Zet daarna de nieuwe link in je agenda.",
    revoke: "Link uitzetten",
    revokeHelp:
      "Je agenda krijgt dan geen bijeenkomsten meer van Kringwijs. Je kunt later altijd een nieuwe link maken.",
    created: "Je agenda-link is klaar.",
    regenerated: "Je nieuwe agenda-link is klaar. De oude werkt niet meer.",
    revoked: "Je agenda-link staat uit.",
    newLinkTitle: "Je nieuwe agenda-link",
    onceWarning:
      "Kopieer de link nu: je ziet hem maar één keer. We bewaren hem niet leesbaar, dus daarna kun je alleen een nieuwe maken.",
    urlLabel: "Agenda-link",
    copy: "Kopieer",
    copied: "Gekopieerd",
    webcal: "Open in je agenda-app",
    private:
      "Deze link is persoonlijk: wie hem heeft, ziet je bijeenkomsten. Deel hem met niemand.",
    howTitle: "Zo zet je de link in je agenda",
    google: {
      name: "Google Agenda",
      steps:
        "Open Google Agenda op je computer. Klik links bij ‘Andere agenda's’ op het plusteken en kies ‘Via URL’. Plak de link en klik op ‘Agenda toevoegen’. Google kijkt een paar keer per dag of er iets is veranderd.",
    },
    outlook: {
      name: "Outlook",
      steps:
        "Open je agenda in Outlook en kies ‘Agenda toevoegen’ en dan ‘Abonneren vanaf internet’. Plak de link, geef de agenda een naam en klik op ‘Importeren’.",
    },
    apple: {
      name: "Apple Agenda",
      steps:
        "Op een Mac: kies in Agenda ‘Archief’ en dan ‘Nieuw agenda-abonnement’ en plak de link. Op een iPhone of iPad: tik op ‘Open in je agenda-app’ hierboven, of ga naar Instellingen > Agenda > Accounts > Voeg account toe > Anders > Voeg agenda-abonnement toe.",
    },
    whatTitle: "Wat staat erin",
    whatBody:
      "De bijeenkomsten van de kringen waar je lid of begeleider van bent, en de bijeenkomsten waar je als gast voor bent uitgenodigd, vanaf drie maanden geleden. Stop je met een kring, dan verdwijnen de bijeenkomsten van die kring uit je agenda.",
    ics: {
      feedName: "Kringwijs",
      cancelledPrefix: "Afgezegd:",
      cancelled: "Deze bijeenkomst is afgezegd.",
      cancelledWithMessage: "Deze bijeenkomst is afgezegd: {{message}}",
      moreInfo: "{{circle}} op Kringwijs: {{url}}",
    },
  },
  followUp: {
    page: {
      title: "Verslag en afspraken",
      harvest: "Maak er een les voor de kennisbank van",
      closed: {
        not_started:
          "De bijeenkomst is nog niet begonnen. Aanwezigheid, verslag en afspraken leg je vast zodra hij begonnen is.",
        cancelled: "Deze bijeenkomst gaat niet door: er valt niets vast te leggen.",
      },
      attendanceTitle: "Wie waren er?",
      attendanceLegend: "Vink aan wie er was",
      attendanceHelp: "Wie ja of misschien zei, staat alvast aangevinkt.",
      attendanceTakenAt: "Vastgelegd op {{when}}",
      attendanceSave: "Aanwezigheid opslaan",
      attendanceSaved: "De aanwezigheid is opgeslagen.",
      nobody: "Deze kring heeft nog geen leden.",
      guest: "gast",
      rsvp: {
        going: "zei ja",
        maybe: "zei misschien",
        declined: "zei nee",
        waitlisted: "stond op de wachtlijst",
      },
      summaryTitle: "Verslag",
      summaryLabel: "Verslag",
      summaryHelp:
        "Wat hebben jullie besproken? Je kunt Markdown gebruiken: **vet**, *schuin*, lijstjes met -. Het verslag is alleen voor de kring.",
      summarySave: "Verslag opslaan",
      summarySaved: "Het verslag is opgeslagen.",
      preview: "Zo ziet het verslag eruit",
      casesTitle: "Casussen: wat gaat de inbrenger doen?",
      casesHelp:
        "Na de vragen en de ervaringen van de anderen zegt de inbrenger wat hij of zij gaat doen. Leg dat hier vast: het wordt een afspraak van de inbrenger, die er bericht over krijgt.",
      caseBy: "Ingebracht door {{name}}",
      caseAuthorGone: "iemand die niet meer meedoet",
      caseCommitments: "Afspraken uit deze casus",
      caseCommitment: "Wat gaat {{name}} doen?",
      caseCommitmentAdd: "Vastleggen als afspraak",
      actionsTitle: "Afspraken",
      actionsHelp:
        "Wat gaat wie doen? Wat de inbrenger van een casus gaat doen, leg je vast bij de casus.",
      noActions: "Nog geen afspraken.",
      addTitle: "Afspraak toevoegen",
      owner: "Wie",
      text: "Wat",
      dueOn: "Uiterlijk klaar op (niet verplicht)",
      fromCase: "Bij casus (niet verplicht)",
      fromCaseHelp: "Hoort deze afspraak bij een casus? Kies die dan.",
      noCase: "Geen casus",
      add: "Afspraak toevoegen",
      actionAdded: "De afspraak is vastgelegd en de eigenaar krijgt er bericht over.",
      remove: "Verwijderen",
      removeLabel: "Verwijderen: de afspraak van {{name}}, {{text}}",
      actionRemoved: "De afspraak is verwijderd.",
      ratingsTitle: "Hoe waardevol was het?",
      ratingsNone: "Nog niemand heeft de vraag beantwoord.",
      ratings_one: "{{count}} antwoord, gemiddeld {{average}} van de 5.",
      ratings_other: "{{count}} antwoorden, gemiddeld {{average}} van de 5.",
      ratingsFew_one:
        "{{count}} antwoord. Het gemiddelde zie je vanaf 3 antwoorden, zodat niemand te herkennen is.",
      ratingsFew_other:
        "{{count}} antwoorden. Het gemiddelde zie je vanaf 3 antwoorden, zodat niemand te herkennen is.",
      ratingsPrivate: "Je ziet alleen het aantal en het gemiddelde, niet wie wat gaf.",
      refused: {
        not_found: "Deze bijeenkomst of afspraak bestaat niet (meer).",
        cancelled: "Deze bijeenkomst gaat niet door.",
        not_started: "De bijeenkomst is nog niet begonnen.",
        unknown_person: "Je kunt alleen leden en gasten van deze bijeenkomst aanvinken.",
        not_member: "Kies een lid van de kring.",
        caseOwnerLeft: "Wie deze casus inbracht, is geen lid meer van de kring.",
        due_before: "Deze datum ligt voor de bijeenkomst. Kies een datum erna.",
        foreign_case: "Die casus hoort niet bij deze bijeenkomst.",
      },
    },
    feedback: {
      title: "Hoe waardevol was deze bijeenkomst?",
      intro:
        "Eén vraag, zodat de begeleider en het programma weten wat de bijeenkomsten je opleveren. De begeleider ziet niet wie wat antwoordde.",
      legend: "Hoe waardevol was deze bijeenkomst?",
      score: {
        s1: "1 · Niet waardevol",
        s2: "2 · Een beetje",
        s3: "3 · Redelijk",
        s4: "4 · Waardevol",
        s5: "5 · Heel waardevol",
      },
      comment: "Wil je er iets over kwijt?",
      commentHelp:
        "Niet verplicht. Wat had je er graag anders gezien, of wat moeten we vooral zo houden?",
      submit: "Versturen",
      change: "Antwoord aanpassen",
      thanks: "Dank je wel! Je antwoord is bewaard.",
      yours: "Je gaf eerder een {{score}}. Je kunt je antwoord nog aanpassen.",
      refused: {
        not_found: "Deze bijeenkomst bestaat niet (meer).",
        cancelled: "Deze bijeenkomst ging niet door.",
        not_ended:
          "De bijeenkomst is nog niet afgelopen. Na afloop kun je hier laten weten hoe waardevol hij was.",
        not_attendee: "Deze vraag is voor wie bij de bijeenkomst was of zich had aangemeld.",
      },
    },
  },
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
export type MeetingToolMessages = DeepStrings<typeof nlMeetingTools>;
