/** Dutch, the default language. The English file must have exactly these keys. */
export const nl = {
  common: {
    close: "Sluiten",
    save: "Opslaan",
    next: "Volgende",
    previous: "Vorige",
  },
  language: { nl: "Nederlands", en: "English" },
  roles: {
    entrepreneur: "Ondernemer",
    ambassador: "Ambassadeur",
    coach: "Begeleider",
    organiser: "Organisator",
  },
  nav: {
    skip: "Naar de inhoud",
    brandHome: "Kringwijs, naar de startpagina",
    main: "Hoofdmenu",
    home: "Start",
    admin: "Gebruikers en rollen",
    account: "Mijn account",
    login: "Inloggen",
    signup: "Account maken",
    logout: "Uitloggen",
    language: "Taal",
  },
  footer: {
    tagline: "Kringwijs: ondernemers leren van elkaar, in kleine kringen onder goede begeleiding.",
  },
  live: {
    rolesChanged: "Je rollen zijn aangepast. Het menu is bijgewerkt.",
  },
  home: {
    title: "Leren van collega-ondernemers",
    welcomeBack: "Welkom terug, {{name}}",
    heading: "Leer van ondernemers die weten waar je mee zit",
    lead: "Kringwijs brengt je samen met vijf tot twaalf ondernemers die bij je passen: in dezelfde fase, met een bedrijf van vergelijkbare omvang en met dezelfde vragen. Onder begeleiding van een ervaren coach bespreek je wat er echt speelt. Wat in de kring gezegd wordt, blijft in de kring.",
    ctaSignup: "Maak gratis een account",
    ctaLogin: "Ik heb al een account",
    howTitle: "Zo werkt het",
    steps: {
      profile: {
        title: "Vertel over je bedrijf",
        body: "Sector, omvang, fase en de vraag waar je mee worstelt. Dat kost je een kwartier.",
      },
      match: {
        title: "Wij zoeken je kring",
        body: "We stellen een kring samen van ondernemers die bij je passen, zonder directe concurrenten erbij.",
      },
      meet: {
        title: "Kom samen",
        body: "Elke zes tot acht weken een bijeenkomst, vaak bij een van de deelnemers op bezoek. De coach bewaakt de tijd en de sfeer.",
      },
      grow: {
        title: "Zet de volgende stap",
        body: "Je spreekt af wat je gaat doen. Bij de volgende bijeenkomst vraagt de kring hoe het ging: een goede stok achter de deur.",
      },
    },
    whyTitle: "Waarom het werkt",
    promises: {
      fit: {
        title: "Gelijkgestemd.",
        body: "Je zit aan tafel met ondernemers in een vergelijkbare situatie, niet met adviseurs.",
      },
      trust: {
        title: "Vertrouwelijk.",
        body: "Alleen leden en hun begeleider lezen mee. Ook de organisatie van het programma niet.",
      },
      time: {
        title: "Licht.",
        body: "Aanmelden kost weinig tijd en je ziet vooraf hoeveel tijd een kring vraagt.",
      },
      momentum: {
        title: "Doorgaan.",
        body: "Tussen de bijeenkomsten houd je contact en houd je bij wat je hebt afgesproken.",
      },
    },
    quote: "Van een adviseur neem je niet snel iets aan, van een collega-ondernemer wel.",
  },
  fields: {
    name: "Naam",
    email: "E-mailadres",
    password: "Wachtwoord",
    newPassword: "Nieuw wachtwoord",
    confirmPassword: "Herhaal het nieuwe wachtwoord",
  },
  validation: {
    required: "Vul dit veld in.",
    invalid: "Deze waarde klopt niet.",
    email: "Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.",
    tooLong_one: "Gebruik maximaal {{count}} teken.",
    tooLong_other: "Gebruik maximaal {{count}} tekens.",
    passwordTooShort_one: "Kies een wachtwoord van minstens {{count}} teken.",
    passwordTooShort_other: "Kies een wachtwoord van minstens {{count}} tekens.",
    passwordCommon: "Dit wachtwoord wordt veel gebruikt en is makkelijk te raden. Kies een ander.",
    passwordMismatch: "De twee wachtwoorden zijn niet hetzelfde.",
  },
  auth: {
    tooManyAttempts_one: "Te veel pogingen. Probeer het over {{count}} minuut opnieuw.",
    tooManyAttempts_other: "Te veel pogingen. Probeer het over {{count}} minuten opnieuw.",
    verifyBanner: "Bevestig je e-mailadres via de link in je mail.",
    verifyBannerLink: "Geen mail gekregen?",
  },
  signup: {
    title: "Account maken",
    intro:
      "Maak een account om mee te doen met een kring. Daarna vertel je in een paar stappen over je bedrijf.",
    passwordHelp: "Minstens 10 tekens. Een zin van een paar woorden is sterk en goed te onthouden.",
    submit: "Account maken",
    haveAccount: "Heb je al een account?",
    loginLink: "Log in",
  },
  checkEmail: {
    title: "Kijk in je mail",
    body: "We hebben je een mail gestuurd met een link om je e-mailadres te bevestigen. Daarna kun je inloggen.",
    spam: "Niets ontvangen? Kijk ook in je map met ongewenste mail. De link is 24 uur geldig.",
    toLogin: "Naar inloggen",
  },
  verify: {
    title: "Bevestig je e-mailadres",
    intro: "Nog één klik en je account is klaar.",
    submit: "Bevestig mijn e-mailadres",
    done: "Je e-mailadres is bevestigd. Welkom bij Kringwijs!",
    invalidTitle: "Deze link werkt niet meer",
    invalidBody:
      "De link is al gebruikt of verlopen. Log in met je e-mailadres en wachtwoord, dan sturen we je een nieuwe.",
    toLogin: "Naar inloggen",
  },
  login: {
    title: "Inloggen",
    intro: "Log in met het e-mailadres en wachtwoord van je account.",
    submit: "Inloggen",
    forgot: "Wachtwoord vergeten?",
    noAccount: "Nog geen account?",
    signupLink: "Maak er een aan",
    invalid:
      "Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer het opnieuw.",
    unverified: "Je hebt je e-mailadres nog niet bevestigd. We hebben je een nieuwe link gestuurd.",
    welcome: "Je bent ingelogd.",
  },
  logout: {
    done: "Je bent uitgelogd.",
  },
  forgot: {
    title: "Wachtwoord vergeten",
    intro:
      "Vul je e-mailadres in. Hoort er een account bij, dan krijg je een link om een nieuw wachtwoord te kiezen.",
    submit: "Stuur de link",
    sent: "Als er een account bij dit adres hoort, staat er nu een mail voor je klaar. De link is een uur geldig.",
    backToLogin: "Terug naar inloggen",
  },
  reset: {
    title: "Kies een nieuw wachtwoord",
    intro: "Na het opslaan ben je op al je apparaten uitgelogd en hier meteen weer ingelogd.",
    submit: "Wachtwoord opslaan",
    done: "Je nieuwe wachtwoord is opgeslagen.",
    invalidTitle: "Deze link werkt niet meer",
    invalidBody: "De link is al gebruikt of ouder dan een uur. Vraag een nieuwe aan.",
    again: "Nieuwe link aanvragen",
  },
  settings: {
    title: "Mijn account",
    intro: "Je gegevens, je taal en waar je bent ingelogd.",
    profileTitle: "Gegevens",
    language: "Taal van de site en van je e-mails",
    languageAuto: "Zoals mijn browser",
    saved: "Je wijzigingen zijn opgeslagen.",
    accountTitle: "Account",
    verified: "bevestigd",
    unverified: "nog niet bevestigd",
    roles: "Rollen",
    resend: "Stuur de bevestigingsmail opnieuw",
    verificationSent: "We hebben je een nieuwe bevestigingslink gestuurd.",
    sessionsTitle: "Ingelogde apparaten",
    sessionsBody_one: "Je bent op {{count}} apparaat of browser ingelogd.",
    sessionsBody_other: "Je bent op {{count}} apparaten of browsers ingelogd.",
    logoutEverywhere: "Overal uitloggen",
    loggedOutEverywhere: "Je bent op al je apparaten uitgelogd.",
  },
  admin: {
    title: "Gebruikers en rollen",
    intro: "Geef mensen de rol die bij hun taak past. Elke wijziging wordt vastgelegd.",
    search: "Zoek op naam of e-mailadres",
    searchSubmit: "Zoeken",
    count_one: "{{count}} gebruiker",
    count_other: "{{count}} gebruikers",
    grantLabel: "Geef {{name}} de rol {{role}}",
    revokeLabel: "Neem de rol {{role}} van {{name}} af",
    granted: "De rol $t(roles.{{role}}) is toegekend.",
    revoked: "De rol $t(roles.{{role}}) is afgenomen.",
    userNotFound: "Deze gebruiker bestaat niet meer.",
    ownOrganiser:
      "Je kunt je eigen rol als organisator niet afnemen. Vraag dat aan een andere organisator.",
    pagination: "Pagina's",
    page: "Pagina {{page}} van {{pages}}",
  },
  outbox: {
    title: "Verzonden mail (ontwikkeling)",
    intro:
      "Er is geen mailserver ingesteld, dus mails worden als bestand bewaard. Deze pagina bestaat alleen tijdens het ontwikkelen.",
    empty: "Er is nog geen mail verstuurd.",
  },
  errors: {
    home: "Naar de startpagina",
    "400": {
      title: "Dat ging niet goed",
      body: "Het verzoek klopte niet. Ga terug en probeer het nog eens.",
    },
    "403": {
      title: "Geen toegang",
      body: "Je hebt geen toegang tot deze pagina. Denk je dat dat niet klopt? Vraag het de organisator van je programma.",
    },
    "404": {
      title: "Pagina niet gevonden",
      body: "Deze pagina bestaat niet (meer). Misschien is de link verouderd.",
    },
    "500": {
      title: "Er ging iets mis",
      body: "Er ging aan onze kant iets mis. Probeer het over een paar minuten opnieuw.",
    },
  },
  email: {
    greeting: "Hallo {{name}},",
    footer:
      "Je krijgt deze mail omdat je een account hebt bij Kringwijs, of omdat iemand dit adres heeft opgegeven.",
    linkFallback: "Werkt de knop niet? Kopieer dan deze link naar je browser:",
    verify: {
      subject: "Bevestig je e-mailadres voor Kringwijs",
      body: "Welkom bij Kringwijs. Bevestig je e-mailadres, dan is je account klaar voor gebruik.",
      expires: "De link is 24 uur geldig.",
      action: "Bevestig mijn e-mailadres",
    },
    reset: {
      subject: "Een nieuw wachtwoord voor Kringwijs",
      body: "Je hebt gevraagd om een nieuw wachtwoord. Met de knop hieronder kies je er een.",
      expires: "De link is een uur geldig en werkt één keer.",
      notYou:
        "Heb je dit niet zelf gevraagd? Dan kun je deze mail negeren; je wachtwoord blijft hetzelfde.",
      action: "Kies een nieuw wachtwoord",
    },
    exists: {
      subject: "Je hebt al een account bij Kringwijs",
      body: "Iemand probeerde een account te maken met dit e-mailadres, maar je hebt er al een. Log gewoon in. Weet je je wachtwoord niet meer? Op de inlogpagina vraag je een nieuw aan.",
      notYou: "Was jij dit niet? Dan hoef je niets te doen.",
      action: "Naar inloggen",
    },
  },
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
export type Messages = DeepStrings<typeof nl>;
