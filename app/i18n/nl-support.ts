/**
 * The Dutch messages of contact requests (the form on an ambassador's profile, the ambassador's
 * inbox and answer, the answer's e-mail) and of the wegwijzer (the directory of support
 * organisations and its editor): a chunk of its own (see message-parts.ts), so the other pages
 * stay light. Everything lives under `support` so it cannot meet another part's keys.
 */
export const nlSupport = {
  support: {
    contact: {
      pageTitle: "Een vraag stellen",
      title: "Stel {{name}} een vraag",
      intro:
        "{{name}} is ondernemer en vertelt graag hoe het bij hen ging. Stel je vraag hieronder; het antwoord krijg je per e-mail.",
      signedInAs:
        "Je stuurt je vraag als {{name}}. Het antwoord komt naar {{email}}, het adres van je account.",
      name: "Je naam",
      email: "Je e-mailadres",
      emailHelp: "Hier komt het antwoord naartoe. We gebruiken het nergens anders voor.",
      message: "Je vraag",
      messageHelp:
        "Minstens 20 en hoogstens 2000 tekens. Vertel kort wie je bent, wat voor bedrijf je hebt en waar je mee zit.",
      honeypot: "Laat dit veld leeg",
      submit: "Vraag versturen",
      privacy:
        "We bewaren je naam, je e-mailadres en je vraag alleen om je vraag te kunnen beantwoorden.",
      thanksTitle: "Bedankt voor je vraag",
      thanksBody:
        "{{name}} leest je vraag en antwoordt zo snel mogelijk. Het antwoord krijg je per e-mail.",
      thanksMore: "Nog een vraag",
      backToProfile: "Naar het profiel van {{name}}",
      ownProfile:
        "Dit is je eigen profiel. Hier stellen bezoekers je een vraag; je vindt ze terug bij je contactverzoeken.",
      toInbox: "Naar je contactverzoeken",
    },
    inbox: {
      title: "Contactverzoeken",
      intro:
        "Vragen van ondernemers die je verhaal hebben gezien of gehoord. Je antwoord gaat per e-mail naar wie de vraag stelde.",
      tabs: "Vragen per status",
      emptyOpen: "Je hebt geen open vragen.",
      emptyAnswered: "Je hebt nog geen vragen beantwoord.",
      emptyClosed: "Je hebt nog geen vragen gesloten.",
      received: "Ontvangen op {{date}}",
      read: "Lezen en beantwoorden",
      view: "Bekijken",
    },
    status: {
      open: "Open",
      answered: "Beantwoord",
      closed: "Gesloten",
    },
    request: {
      pageTitle: "Contactverzoek",
      title: "Vraag van {{name}}",
      from: "Van",
      received: "Ontvangen",
      status: "Status",
      language: "Taal van het antwoord",
      question: "De vraag",
      answerTitle: "Je antwoord",
      answer: "Antwoord",
      answerHelp:
        "Schrijf zoals je het zelf zou zeggen. {{name}} krijgt dit per e-mail, samen met de organisaties die je hieronder aanvinkt. Je e-mailadres blijft verborgen.",
      referrals: "Doorverwijzen (niet verplicht)",
      referralsHelp:
        "Vink aan wie verder kan helpen. Bovenaan staan de organisaties die passen bij de provincie en de thema's van je profiel.",
      suggested: "Past goed",
      noOrganisations: "Er staan nog geen organisaties in de wegwijzer.",
      submit: "Antwoord versturen",
      closeTitle: "Sluiten zonder antwoord",
      closeHelp:
        "Geen antwoord nodig, of al op een andere manier geholpen? Sluit de vraag. Er gaat dan geen e-mail.",
      closeAnsweredTitle: "Afronden",
      closeAnsweredHelp: "Klaar met deze vraag? Sluit hem, dan staat hij bij je gesloten vragen.",
      close: "Vraag sluiten",
      answeredOn: "Je antwoord van {{date}}",
      referredTo: "Doorverwezen naar",
      closedOn: "Gesloten op {{date}}.",
      back: "Terug naar je contactverzoeken",
      answered: "Je antwoord is onderweg naar {{name}}.",
      closed: "De vraag is gesloten.",
    },
    mail: {
      subject: "{{name}} heeft je vraag beantwoord",
      intro: "{{name}} heeft je vraag via Kringwijs beantwoord.",
      question: "Je vroeg: “{{question}}”",
      referralIntro: "{{name}} denkt dat deze organisaties je verder kunnen helpen:",
      orgEmail: "e-mail {{email}}",
      orgPhone: "telefoon {{phone}}",
      noReply:
        "Wil je verder praten? Deze e-mail kun je niet beantwoorden; stel gerust een nieuwe vraag via het profiel.",
      profile: "Bekijk het profiel van {{name}}",
    },
    directory: {
      title: "Wegwijzer",
      intro:
        "Organisaties die ondernemers verder helpen: innovatieloketten, kenniscentra, ontwikkelingsmaatschappijen, regelingen en netwerken. Kies je provincie en je onderwerp.",
      filters: "Filter de wegwijzer",
      province: "Provincie",
      allProvinces: "Alle provincies",
      theme: "Thema",
      allThemes: "Alle thema's",
      kind: "Soort",
      allKinds: "Alle soorten",
      filter: "Toon",
      count_one: "{{count}} organisatie",
      count_other: "{{count}} organisaties",
      none: "Met deze keuze vinden we geen organisaties. Probeer een andere provincie of alle thema's.",
      national: "Landelijk",
      area: "Werkgebied",
      themes: "Thema's",
      allThemesShort: "Alle thema's",
      website: "Naar de website",
      websiteOf: "van {{name}} (opent in een nieuw tabblad)",
      email: "E-mail",
      phone: "Telefoon",
      add: "Organisatie toevoegen",
      edit: "Wijzigen",
    },
    kinds: {
      innovation_desk: "Innovatieloket",
      expertise_centre: "Kenniscentrum",
      development_agency: "Regionale ontwikkelingsmaatschappij",
      funding_scheme: "Regeling of fonds",
      network: "Netwerk",
    },
    form: {
      newTitle: "Organisatie toevoegen",
      editTitle: "Organisatie wijzigen",
      name: "Naam",
      kind: "Soort",
      description: "Omschrijving",
      descriptionHelp: "Wat doen ze, voor wie, en wat kost het? Twee of drie zinnen.",
      url: "Website",
      urlHelp: "Het volledige adres, beginnend met https://",
      email: "E-mailadres (niet verplicht)",
      phone: "Telefoonnummer (niet verplicht)",
      provinces: "Provincies",
      provincesHelp: "Vink niets aan voor een landelijke organisatie.",
      themes: "Thema's",
      themesHelp: "Vink niets aan als ze bij elk thema helpen.",
      create: "Toevoegen",
      save: "Opslaan",
      deleteTitle: "Verwijderen",
      deleteHelp:
        "De organisatie verdwijnt uit de wegwijzer. Eerdere doorverwijzingen blijven bewaard, zonder deze organisatie.",
      deleteConfirm: "Ja, verwijder deze organisatie",
      delete: "Verwijderen",
      created: "{{name}} staat nu in de wegwijzer.",
      saved: "De wijzigingen zijn opgeslagen.",
      deleted: "De organisatie is uit de wegwijzer gehaald.",
    },
    error: {
      messageTooShort_one: "Schrijf minstens {{count}} teken.",
      messageTooShort_other:
        "Schrijf minstens {{count}} tekens, zodat de ambassadeur je vraag begrijpt.",
      rateMinutes_one:
        "Je hebt net al een paar vragen gestuurd. Probeer het over {{count}} minuut opnieuw.",
      rateMinutes_other:
        "Je hebt net al een paar vragen gestuurd. Probeer het over {{count}} minuten opnieuw.",
      rateHours_one:
        "Je hebt deze ambassadeur vandaag al een paar vragen gestuurd. Probeer het over {{count}} uur opnieuw.",
      rateHours_other:
        "Je hebt deze ambassadeur vandaag al een paar vragen gestuurd. Probeer het over {{count}} uur opnieuw.",
      self: "Je kunt jezelf geen vraag sturen.",
      notOpen: "Deze vraag is intussen al beantwoord of gesloten.",
      url: "Vul een volledig webadres in dat begint met https://",
      phone: "Vul een telefoonnummer in met alleen cijfers, spaties, een + of streepjes.",
      confirmDelete: "Vink aan dat je de organisatie echt wilt verwijderen.",
    },
  },
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
export type SupportMessages = DeepStrings<typeof nlSupport>;
