/**
 * The Dutch messages of the matching pages (a programme's matching runs and proposals, and the
 * matching policy form): a chunk of its own (see message-parts.ts).
 */
export const nlMatching = {
  matching: {
    title: "Kringen samenstellen",
    intro:
      "Kringwijs stelt kringen voor uit de ondernemers die hebben aangegeven mee te willen doen. Niemand komt bij een directe concurrent, iedereen in een kring deelt een dagdeel, en voor kringen op locatie wonen de leden in dezelfde of een aangrenzende provincie. Je bekijkt het voorstel, past het aan en neemt het over.",
    candidates_one: "{{count}} ondernemer klaar om ingedeeld te worden",
    candidates_other: "{{count}} ondernemers klaar om ingedeeld te worden",
    meetingMode: "Hoe komen de kringen bijeen?",
    inPerson: "op locatie",
    online: "online",
    run: "Stel kringen voor",
    running: "Bezig met indelen…",
    done: "Het voorstel staat klaar.",
    started: "Het indelen is begonnen. Je kunt intussen gewoon verder werken.",
    alreadyRunning:
      "Er loopt al een indeling voor dit programma. Wacht tot die klaar is of stop hem eerst.",
    runState: {
      title: "Indeling",
      running: "Bezig met indelen: {{percent}}",
      runningHelp:
        "Dit loopt op de achtergrond. Je kunt andere pagina's openen; deze pagina laat zien hoe ver het is.",
      progressLabel: "Voortgang van de indeling",
      cancel: "Stop het indelen",
      cancelled: "Het indelen is gestopt. Er is niets opgeslagen.",
      cancelledToast: "Het indelen is gestopt.",
      notRunning: "Er loopt geen indeling meer.",
      done: "Het voorstel staat klaar.",
      timedOut:
        "De tijd was om. Het voorstel is het beste dat tot dan toe gevonden was; je kunt het gewoon bekijken en aanpassen.",
      failed: "Het indelen is mislukt. Probeer het opnieuw.",
      open: "Bekijk het voorstel",
    },
    timedOutBadge: "beste tot nu toe",
    scoring: {
      title: "Zo weegt het voorstel",
      body: "Elke kring telt het aantal leden maal hun gemiddelde aansluiting (0 tot 1). Elke plaats die een kring afwijkt van de doelgrootte ({{target}}) kost {{seat}} punt, en elke ondernemer die had kunnen meedoen maar geen kring kreeg kost {{unplaced}} punt. Zo gaat een volle kring voor twee kleine, en iedereen indelen voor een iets hogere aansluiting.",
    },
    proposals: "Eerdere voorstellen",
    proposalLine_one: "Voorstel van {{date}}: {{count}} kring, {{people}} ondernemers",
    proposalLine_other: "Voorstel van {{date}}: {{count}} kringen, {{people}} ondernemers",
    accepted: "overgenomen",
    backToProgramme: "Terug naar het programma",
    backToMatching: "Terug naar samenstellen",
    proposalTitle: "Voorstel voor kringen",
    summary_one:
      "{{count}} kring · gemiddelde aansluiting {{mean}} · laagste {{worst}} · {{unplaced}} niet ingedeeld",
    summary_other:
      "{{count}} kringen · gemiddelde aansluiting {{mean}} · laagste {{worst}} · {{unplaced}} niet ingedeeld",
    circleNumber: "Kring {{number}}",
    circleName: "{{programme}} · kring {{number}}",
    fit: "aansluiting {{fit}}",
    breakdown:
      "fase {{phase}} · omvang {{size}} · rol {{role}} · thema's {{themes}} · sector {{sector}}",
    moveTo: "Verplaats naar",
    move: "Verplaats",
    notPlaced: "Niet indelen",
    moved: "Verplaatst. De scores zijn bijgewerkt.",
    cannotMove: "Dit voorstel kan niet meer worden aangepast.",
    unplacedTitle_one: "{{count}} ondernemer niet ingedeeld",
    unplacedTitle_other: "{{count}} ondernemers niet ingedeeld",
    alreadyAccepted:
      "Dit voorstel is overgenomen: de kringen bestaan en de leden zijn uitgenodigd.",
    acceptHelp:
      "Neem je dit voorstel over, dan worden de kringen aangemaakt (in oprichting) en krijgen de leden een uitnodiging.",
    acceptedToast_one: "{{count}} kring aangemaakt; de leden zijn uitgenodigd.",
    acceptedToast_other: "{{count}} kringen aangemaakt; de leden zijn uitgenodigd.",
    accept: {
      button: "Voorstel overnemen",
      not_found: "Dit voorstel bestaat niet meer.",
      warnings: "Eén of meer kringen voldoen niet aan de regels. Los de waarschuwingen eerst op.",
      accepted: "Dit voorstel is al overgenomen.",
    },
    reason: {
      samePhase_one: "{{count}} ander in dezelfde fase: {{phase}}",
      samePhase_other: "{{count}} anderen in dezelfde fase: {{phase}}",
      similarSize_one: "{{count}} met een vergelijkbare omvang",
      similarSize_other: "{{count}} met een vergelijkbare omvang",
      sharedThemes_one: "deelt {{themes}} met {{count}} ander",
      sharedThemes_other: "deelt {{themes}} met {{count}} anderen",
      ownersTogether_one: "eigenaar, net als {{count}} ander",
      ownersTogether_other: "eigenaar, net als {{count}} anderen",
      sameSector_one: "{{count}} uit dezelfde sector",
      sameSector_other: "{{count}} uit dezelfde sector",
      nearby_one: "{{count}} uit dezelfde provincie",
      nearby_other: "{{count}} uit dezelfde provincie",
      dayPart: "jullie kunnen allemaal {{dayParts}}",
    },
    tradeOff: {
      onlyPhase: "de enige in de fase {{phase}}",
      onlySize: "de enige met deze omvang ({{size}})",
      noSharedTheme: "deelt geen thema met de anderen",
      notOwner: "geen eigenaar, tussen eigenaren",
      travel: "meer reistijd: de meesten komen uit een andere provincie",
    },
    unplaced: {
      meetingMode: "wil alleen {{wanted}} bijeenkomen",
      noDayPart: "heeft geen dagdeel opgegeven",
      tooFewCompatible:
        "geen groep van {{size}} die samen op één dagdeel kan ({{dayParts}}): hooguit {{count}} anderen passen erbij",
      competitors:
        "genoeg kandidaten op hetzelfde dagdeel, maar te veel van hen zijn directe concurrenten",
      region:
        "genoeg kandidaten op hetzelfde dagdeel, maar te weinig in de eigen of een aangrenzende provincie",
      excludeEachOther:
        "de kandidaten die bij diegene passen, sluiten elkaar uit (concurrenten van elkaar of te ver uit elkaar): geen groep van {{size}} mogelijk",
      noRoom: "er is een kring mogelijk, maar de gekozen kringen passen beter bij de anderen",
    },
    warning: {
      tooSmall: "Te weinig leden voor een kring.",
      tooLarge: "Te veel leden voor een kring.",
      competitors: "Er zitten directe concurrenten in deze kring.",
      sameCompany: "Er zitten twee mensen van hetzelfde bedrijf in deze kring.",
      noSharedDayPart: "De leden hebben geen dagdeel gemeen.",
      region: "Niet alle leden wonen in dezelfde of een aangrenzende provincie.",
      meetingMode: "Iemand wil niet op deze manier bijeenkomen.",
    },
  },
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
export type MatchingMessages = DeepStrings<typeof nlMatching>;
