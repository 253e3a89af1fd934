/**
 * The Dutch texts of the e-mails. Mails are rendered on the server only, so these are not a
 * message part the browser loads: only the server catalogue has them (catalogues.server.ts).
 */
export const nlEmail = {
  email: {
    greeting: "Hallo {{name}},",
    greetingAccount: "Hallo,",
    footer:
      "Je krijgt deze mail omdat je een account hebt bij Kringwijs, of omdat iemand dit adres heeft opgegeven.",
    linkFallback: "Werkt de knop niet? Kopieer dan deze link naar je browser:",
    verify: {
      subject: "Bevestig je e-mailadres voor Kringwijs",
      body: "Welkom bij Kringwijs. Bevestig je e-mailadres, dan is je account klaar voor gebruik.",
      expires: "De link is 24 uur geldig.",
      notYou:
        "Heb je je niet zelf aangemeld bij Kringwijs? Bevestig dan niets; je kunt deze mail negeren.",
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
export type EmailMessages = DeepStrings<typeof nlEmail>;
