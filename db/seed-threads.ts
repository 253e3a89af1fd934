/**
 * The demo conversations behind db/seed.ts: threads in the seeded circles, and the long thread
 * the thread-page benchmark reads (`npm run bench:thread`). Pure data and pure functions; the
 * seed writes them through the discussions model, as people would.
 *
 * Who writes is named by e-mail (hand-written people), `coach` (the circle's first coach) or
 * `#n`: the n-th member of the circle who accepted the house rules, hand-placed members first
 * (db/seed.ts resolves them). In a text, `{who}` becomes that person's first name and `@{who}` a
 * mention of them (`@[Full Name]`).
 */
import type { Reaction } from "../app/domain/discussions";
import { prng } from "./seed-data";

export type Who = string;

export type SeedPost = {
  by: Who;
  text: string;
  /** Hours after the post before it (for the opening post: ignored, see `daysAgo`). */
  after: number;
  /** The post of this thread it answers, by index (0 is the opening post). */
  replyTo?: number;
  /** A passage of an earlier post of this thread (by index), quoted above the text. */
  quote?: { post: number; passage: string };
  reactions?: Partial<Record<Reaction, Who[]>>;
};

export type SeedThread = {
  circle: string;
  title: string;
  /** When the opening post was written. */
  daysAgo: number;
  /** Pinned by the coach. */
  pinned?: boolean;
  /** The opening post first, then the replies in order. */
  posts: SeedPost[];
};

const SLIMMER = "Kring Slimmer Organiseren Twente";
const LOTTE = "ondernemer@kringwijs.test";
const HANS = "hans.kok@kringwijs.test";

/** The circle, title and size of the benchmark's thread (scripts/bench-thread.ts finds it by title). */
export const LONG_THREAD = {
  circle: SLIMMER,
  title: "Logboek: wat probeer jij deze week anders?",
  posts: 200,
} as const;

export const seedThreads: SeedThread[] = [
  // --- Kring Slimmer Organiseren Twente (Lotte van Dijk, ondernemer@, is a member)
  {
    circle: SLIMMER,
    title: "Welkom: zo gebruiken we dit forum",
    daysAgo: 45,
    pinned: true,
    posts: [
      {
        by: "coach",
        after: 0,
        text: `Fijn dat jullie er zijn. Tussen de bijeenkomsten door praten we hier verder, zodat de vragen van dinsdagavond niet blijven liggen tot de volgende keer.

Een paar afspraken, dezelfde als aan tafel:

- **Wat hier staat, blijft in de kring.** Niets doorsturen, ook niet geanonimiseerd.
- Vertel wat je zelf hebt meegemaakt; adviezen over andermans bedrijf liever als vraag.
- Noem iemand met een @ als je zijn of haar ervaring zoekt, dan krijgt die persoon een melding.
- Een duimpje of een lampje zegt vaak al genoeg.

De volgende bijeenkomst is bij @{${HANS}} in de werkplaats in Almelo. Zet je vraag voor die avond gerust alvast hier neer.`,
        reactions: { thumbs_up: [LOTTE, HANS, "#2", "#3"], thanks: ["#4"] },
      },
      {
        by: LOTTE,
        after: 20,
        text: "Dank je, {coach}. Goed om de afspraken hier nog eens zwart op wit te hebben. Ik zet mijn vraag over de maandagplanning er zo in.",
        reactions: { thumbs_up: ["coach"] },
      },
      {
        by: HANS,
        after: 5,
        text: "Koffie staat klaar vanaf half acht. Parkeren kan achter de hal, de voordeur is 's avonds dicht. Trek dichte schoenen aan als je mee de werkplaats in wilt.",
        reactions: { thumbs_up: [LOTTE, "#2"], laugh: ["#3"] },
      },
    ],
  },
  {
    circle: SLIMMER,
    title: "Maandagochtend loopt de planning vast",
    daysAgo: 38,
    posts: [
      {
        by: LOTTE,
        after: 0,
        text: `Bij ons gaat elke maandag hetzelfde mis. Het weekend heeft storingen opgeleverd, de planner heeft een volle week klaarstaan en om half acht staan veertien monteurs bij de bus te wachten op wat er nu eigenlijk voorgaat.

We hebben sinds vorig jaar een planner, en twee monteurs zijn omgeschoold voor warmtepompen. Toch loopt alles via mij zodra het schuurt. Ik sta op maandag eigenlijk de hele ochtend te schuiven.

Hoe regelen jullie de eerste ochtend van de week? En wie beslist bij jullie wat voorgaat als er iets tussendoor komt?`,
        reactions: { heart: ["#3"], thumbs_up: [HANS] },
      },
      {
        by: HANS,
        after: 3,
        replyTo: 0,
        text: `Herkenbaar. Wij hadden precies dit in de werkvoorbereiding.

Wat bij ons hielp: een **dagstart van een kwartier** om kwart over zeven, staand, bij het bord. Iedereen zegt wat hij vandaag doet en waar hij op vastloopt. Storingen uit het weekend komen als eerste op het bord, en het team verdeelt ze zelf. Ik sta erbij, maar ik praat pas als ze er niet uitkomen.

De eerste weken duurde het drie kwartier. Nu zijn we meestal binnen tien minuten klaar.`,
        reactions: { idea: [LOTTE, "#2", "#4"], thumbs_up: ["coach"] },
      },
      {
        by: "#3",
        after: 6,
        replyTo: 0,
        text: "Bij mij speelt het kleiner, ik heb maar een paar mensen, maar ik herken het schuiven wel. Ik plan nu de vrijdagmiddag de week erna en laat de maandagochtend bewust leeg voor wat er in het weekend is binnengekomen. Dat scheelt al veel gedoe.",
        reactions: { idea: [LOTTE] },
      },
      {
        by: "coach",
        after: 14,
        replyTo: 0,
        text: `Mooi dat er al twee werkwijzen op tafel liggen. @{${HANS}}, mag ik vragen hoe je de teamleiders zover kreeg dat zij de verdeling doen en niet jij? Dat is volgens mij de kern van Lottes vraag.

En {${LOTTE}}: wat zou er gebeuren als jij één maandag níet om half acht op de zaak bent?`,
        reactions: { thumbs_up: [LOTTE] },
      },
      {
        by: HANS,
        after: 4,
        replyTo: 3,
        text: "Eerlijk gezegd door een keer ziek te zijn. Toen moesten ze wel. Daarna hebben we afgesproken dat ik de eerste maand alleen meekijk. Het lastigste was voor mij om mijn mond te houden als ik het anders zou doen.",
        reactions: { laugh: [LOTTE, "#2"], heart: ["coach"] },
      },
      {
        by: LOTTE,
        after: 20,
        quote: {
          post: 1,
          passage:
            "Storingen uit het weekend komen als eerste op het bord, en het team verdeelt ze zelf.",
        },
        text: `Dit ga ik proberen. Op de vraag van {coach}: dan belt de planner me om kwart voor acht. Dat zegt eigenlijk genoeg.

Plan voor de komende drie maandagen:

1. Dagstart om kwart over zeven met de monteurs en de planner, bij het bord.
2. Weekendstoringen als eerste, de monteurs verdelen ze.
3. Ik kom om acht uur binnen, niet eerder.

Ik laat hier weten hoe het gaat.`,
        reactions: { thumbs_up: [HANS, "#3", "coach"], heart: ["#4"] },
      },
      {
        by: LOTTE,
        after: 24 * 7 + 3,
        text: `Eerste maandag gehad. Het duurde veertig minuten en de planner vond het spannend, maar om acht uur waren alle bussen weg. Eén monteur zei achteraf dat hij nu voor het eerst wist waarom hij naar een storing in Glanerbrug moest in plaats van naar zijn eigen klus.

Volgende week gaan we het bord ook op vrijdagmiddag gebruiken.`,
        reactions: { heart: [HANS, "#2", "coach"], thumbs_up: ["#3", "#4", "#5"] },
      },
    ],
  },
  {
    circle: SLIMMER,
    title: "Eerste medewerker die zelf offertes maakt: hoe ver laat je los?",
    daysAgo: 16,
    posts: [
      {
        by: HANS,
        after: 0,
        text: `Onze werkvoorbereider wil zelf offertes gaan maken voor de kleinere klussen, tot ongeveer vijfduizend euro. Ik vind dat eigenlijk een goed idee, maar merk dat ik elke offerte toch nog even wil zien voordat hij de deur uitgaat.

Hoe hebben jullie dat aangepakt? Werken jullie met een bedrag waaronder iemand zelf mag beslissen, of met iets anders?`,
        reactions: { thumbs_up: [LOTTE] },
      },
      {
        by: "#2",
        after: 5,
        replyTo: 0,
        text: `Wij werken met een grens van 7.500 euro en een vaste opslag die de werkvoorbereider zelf mag kiezen binnen een bandbreedte. Daarboven kijk ik mee. Eens per maand loop ik een paar offertes achteraf door, niet om te controleren maar om te zien waar we verschillend rekenen.

Dat laatste was belangrijker dan ik dacht: zo leer je elkaars redenering kennen.`,
        reactions: { idea: [HANS, LOTTE] },
      },
      {
        by: LOTTE,
        after: 8,
        replyTo: 0,
        text: "Wij zitten nog een stap eerder. Onze planner mag wel afspraken maken, maar geen prijzen noemen. Ik lees dit met veel interesse. @{#2}, kijk je bij die maandelijkse ronde ook naar offertes die níet gescoord zijn?",
      },
      {
        by: "#2",
        after: 2,
        replyTo: 2,
        text: "Juist die. Een verloren offerte vertelt meer dan een gewonnen. Vaak zat de prijs goed maar was het antwoord te laat.",
        reactions: { thumbs_up: [LOTTE, HANS], idea: ["coach"] },
      },
      {
        by: "coach",
        after: 30,
        text: "Een mooi onderwerp voor de bijeenkomst in Almelo. Zullen we daar een kwartier voor nemen? @{#2}, zou je je werkwijze dan kort willen laten zien, met een voorbeeld zonder klantnamen?",
        reactions: { thumbs_up: ["#2", HANS] },
      },
    ],
  },
  {
    circle: SLIMMER,
    title: "Ervaring met een medewerkerstevredenheidsonderzoek?",
    daysAgo: 4,
    posts: [
      {
        by: "#5",
        after: 0,
        text: "We willen dit najaar een tevredenheidsonderzoek houden onder onze mensen. Hebben jullie dat zelf opgezet of via een bureau? En wat deden jullie met de uitkomsten? Ik wil voorkomen dat we een mooi rapport krijgen en er daarna niets mee doen.",
      },
      {
        by: HANS,
        after: 6,
        replyTo: 0,
        text: "Wij hebben het een keer via een bureau gedaan. Het rapport was prima, maar er gebeurde pas iets toen we de uitkomsten per team bespraken en elk team zelf twee punten koos om aan te werken. Begin dus met de vraag wie wat met de uitkomsten gaat doen.",
        reactions: { thumbs_up: ["#5", LOTTE] },
      },
      {
        by: "#4",
        after: 26,
        replyTo: 0,
        text: "Kleinere variant: ik stel elk halfjaar aan iedereen dezelfde drie vragen, in een gesprek van een half uur. Wat gaat goed, wat kost je energie, wat zou je veranderen als het jouw bedrijf was. Geen rapport, wel een lijstje dat ik aan de muur hang.",
        reactions: { idea: ["#5", LOTTE, "coach"] },
      },
    ],
  },

  // --- Ontbijtkring Mensen en Vakmanschap Salland
  {
    circle: "Ontbijtkring Mensen en Vakmanschap Salland",
    title: "Stagiairs van het mbo: hoe houd je ze na de stage?",
    daysAgo: 12,
    posts: [
      {
        by: "yvonne.degraaf@kringwijs.test",
        after: 0,
        text: `Elk jaar hebben we twee stagiairs van het mbo, en elk jaar zijn ze na hun diploma weg. Meestal naar een groter kantoor in Zwolle of Apeldoorn, voor een paar honderd euro meer.

Ik vraag me af of het geld is, of dat we ze onderweg iets niet bieden. Wie heeft stagiairs wel weten te houden?`,
      },
      {
        by: "#1",
        after: 9,
        replyTo: 0,
        text: `Bij ons helpt het dat een stagiair vanaf de eerste week een vaste maat heeft, niet de leermeester maar een collega die twee of drie jaar binnen is. Die laat zien hoe het hier is over een paar jaar.

En we bieden halverwege de stage al een baan aan, met een opleiding erbij. Wie pas bij het diploma de vraag stelt, is te laat.`,
        reactions: { idea: ["yvonne.degraaf@kringwijs.test"], thumbs_up: ["coach"] },
      },
      {
        by: "coach",
        after: 20,
        text: "Goed om mee te nemen naar het ontbijt van de 14e. @{yvonne.degraaf@kringwijs.test}, zou je dan willen vertellen wat de stagiairs van vorig jaar zelf zeiden toen ze vertrokken? Vaak zit daar het antwoord al in.",
        reactions: { thumbs_up: ["yvonne.degraaf@kringwijs.test"] },
      },
    ],
  },

  // --- Zwolse kring Werkgeluk en Zelforganisatie
  {
    circle: "Zwolse kring Werkgeluk en Zelforganisatie",
    title: "Roosters door het team zelf laten maken",
    daysAgo: 27,
    posts: [
      {
        by: "#4",
        after: 0,
        text: `Sinds drie maanden maken onze teams hun eigen rooster. De afspraak is simpel: de bezetting per dienst moet kloppen, verder zoeken ze het onderling uit.

Het werkt beter dan ik dacht, maar er is één ding: de mensen die het minst van zich laten horen, krijgen steeds de onhandigste diensten. Hoe voorkomen jullie dat?`,
        reactions: { thumbs_up: ["#1", "#2"] },
      },
      {
        by: "#2",
        after: 4,
        replyTo: 0,
        text: `Wij hebben een paar spelregels op papier gezet, samen met het team:

- iedereen draait per maand maximaal twee weekenden;
- wie een ruil voorstelt, regelt ook de vervanging;
- de roostermaker wisselt elk kwartaal.

Vooral dat laatste hielp. Wie een keer het rooster heeft gemaakt, zeurt er daarna minder over.`,
        reactions: { idea: ["#4", "#0"], laugh: ["#3"] },
      },
      {
        by: "coach",
        after: 22,
        replyTo: 0,
        text: "Een vraag terug, @{#4}: weten de stille collega's zelf dat zij de lastige diensten krijgen? Soms is dat een keuze en soms niet. Het gesprek daarover zou ik eerst voeren, vóór de regels.",
        reactions: { thumbs_up: ["#4"], idea: ["#2"] },
      },
      {
        by: "#4",
        after: 30,
        quote: {
          post: 2,
          passage: "Soms is dat een keuze en soms niet.",
        },
        text: "Dat bleek het geval. Twee van de drie doen het bewust, omdat ze door de week voor hun ouders zorgen. De derde durfde het niet te zeggen. Dat gesprek had ik dus eerder moeten voeren.",
        reactions: { heart: ["coach", "#2", "#1"] },
      },
    ],
  },

  // --- Opvolgerskring Achterhoek
  {
    circle: "Opvolgerskring Achterhoek",
    title: "Mijn vader staat nog elke ochtend in de bakkerij",
    daysAgo: 33,
    posts: [
      {
        by: "bart.nijhuis@kringwijs.test",
        after: 0,
        text: `Drie jaar geleden heb ik de bakkerij van mijn vader overgenomen. Op papier is alles geregeld: aandelen, familiestatuut, een raad van advies. Maar hij staat nog elke ochtend om vier uur in de bakkerij, en het personeel vraagt hem dingen die ze mij zouden moeten vragen.

Ik wil hem niet wegsturen, hij is er vijftig jaar elke dag geweest. Hoe hebben jullie dit geregeld met je ouders?`,
        reactions: { heart: ["#1", "#3"], thumbs_up: ["coach"] },
      },
      {
        by: "#1",
        after: 7,
        replyTo: 0,
        text: `Bij ons precies zo. Wat hielp: mijn vader kreeg een eigen taak die echt van hem is. Hij doet nu het onderhoud van de machines en begeleidt de jonge mensen die bij ons beginnen. Daar is hij goed in, en het zit niemand in de weg.

Daarnaast hebben we afgesproken dat hij vragen van personeel over planning doorverwijst naar mij. De eerste weken heb ik hem daar vaak aan moeten herinneren.`,
        reactions: { idea: ["bart.nijhuis@kringwijs.test", "#3"] },
      },
      {
        by: "coach",
        after: 18,
        text: `Wat {#1} beschrijft, komt vaak terug bij opvolgers: niet de vorige generatie wegzetten, maar een rol geven die bij haar past. Bij de Leren van Elkaar-kringen voor familiebedrijven gebruikten ze daarvoor soms een waardenspel aan de keukentafel, als begin van het gesprek.

@{bart.nijhuis@kringwijs.test}, zou je je vader willen meenemen naar de bijeenkomst waar de vorige generatie aanschuift? Dat is in maart.`,
        reactions: { thumbs_up: ["bart.nijhuis@kringwijs.test", "#1"] },
      },
      {
        by: "bart.nijhuis@kringwijs.test",
        after: 26,
        quote: {
          post: 1,
          passage:
            "Hij doet nu het onderhoud van de machines en begeleidt de jonge mensen die bij ons beginnen.",
        },
        text: "Dit zette me aan het denken. Mijn vader is de beste in het opleiden van leerling-bakkers; daar heb ik zelf de tijd niet voor. Ik ga het hem voorstellen. En ja, {coach}, hij komt in maart mee, als ik hem zover krijg.",
        reactions: { heart: ["#1", "coach", "#2"] },
      },
    ],
  },
  {
    circle: "Opvolgerskring Achterhoek",
    title: "Jonge Bedrijfsopvolgersregeling: iemand ervaring mee?",
    daysAgo: 9,
    posts: [
      {
        by: "#2",
        after: 0,
        text: "Ik las over de Jonge Bedrijfsopvolgersregeling in Overijssel: een premie tot 20.000 euro als je binnen twee jaar na de overname minstens 70.000 euro investeert. Wij zitten net over de grens in Gelderland. Weet iemand of er hier iets vergelijkbaars is, of heeft iemand de aanvraag in Overijssel gedaan?",
      },
      {
        by: "#4",
        after: 10,
        replyTo: 0,
        text: `Een bevriende opvolger in Twente heeft hem vorig jaar aangevraagd. Wat hij me meegaf:

1. Begin ruim op tijd; de termijn van twee jaar na de overname is strak.
2. Laat in je plan zien waarom de investering de toekomst van het bedrijf versterkt, niet alleen dat je nieuwe machines koopt.
3. Je accountant kan het meeste voorwerk doen.

Voor Gelderland weet ik het niet, misschien weet {coach} het?`,
        reactions: { thanks: ["#2"], thumbs_up: ["#1"] },
      },
      {
        by: "coach",
        after: 8,
        text: "Ik zoek het voor je uit en kom erop terug bij de volgende bijeenkomst. Check in elk geval ook de regelingen op [rvo.nl](https://www.rvo.nl), daar staat veel landelijk.",
        reactions: { thanks: ["#2", "#4"] },
      },
    ],
  },

  // --- Goed bestuur in het familiebedrijf Rivierenland
  {
    circle: "Goed bestuur in het familiebedrijf Rivierenland",
    title: "Raad van advies: wie vraag je, en wat betaal je?",
    daysAgo: 21,
    posts: [
      {
        by: "#2",
        after: 0,
        text: `We willen een raad van advies instellen, met twee mensen van buiten de familie. Een raad van commissarissen vinden we te zwaar voor een bedrijf van onze omvang.

Twee vragen: waar hebben jullie je adviseurs gevonden, en wat is een redelijke vergoeding? Ik hoor bedragen van een paar honderd euro per vergadering tot een vast bedrag per jaar.`,
      },
      {
        by: "#3",
        after: 11,
        replyTo: 0,
        text: `Wij hebben er sinds twee jaar een. Een oud-directeur van een toeleverancier en een ondernemer uit een heel andere branche. Juist die tweede stelt de vragen waar wij niet aan dachten.

Ze krijgen een vast bedrag per jaar, vier vergaderingen. Belangrijker dan het bedrag: spreek af voor hoeveel jaar ze zitten. Dan kun je ook weer afscheid nemen zonder dat het pijnlijk wordt.`,
        reactions: { idea: ["#2", "#1"], thumbs_up: ["coach"] },
      },
      {
        by: "coach",
        after: 20,
        text: "Goed punt over de termijn, {#3}. Voor de bijeenkomst met de aandeelhouders zou ik willen voorstellen dat we samen een profiel voor een adviseur opstellen. @{#2}, mag jullie bedrijf daarbij het voorbeeld zijn?",
        reactions: { thumbs_up: ["#2"] },
      },
    ],
  },

  // --- Smart industry kring Brainport
  {
    circle: "Smart industry kring Brainport",
    title: "Cobot aan het eind van de lijn: ervaringen?",
    daysAgo: 19,
    posts: [
      {
        by: "#1",
        after: 0,
        text: `We overwegen een cobot om aan het eind van de lijn in te pakken en te stapelen, vooral voor de kleine series die nu veel handwerk zijn. De leverancier rekent een terugverdientijd van twee jaar voor, maar die sommen zijn altijd mooi.

Wie heeft er een staan, en wat viel tegen?`,
      },
      {
        by: "#6",
        after: 5,
        replyTo: 0,
        text: `Wij hebben er sinds een jaar een. Wat tegenviel: het instellen voor een nieuwe serie kostte in het begin meer tijd dan het inpakken zelf. Pas toen twee operators er echt mee leerden werken, ging het lopen.

Wat meeviel: de operators vinden het werk leuker. Het saaie tilwerk is weg, en ze zijn nu degenen die de machine instellen.`,
        reactions: { idea: ["#1", "#2"], thumbs_up: ["coach"] },
      },
      {
        by: "#1",
        after: 28,
        quote: {
          post: 1,
          passage: "Pas toen twee operators er echt mee leerden werken, ging het lopen.",
        },
        text: "Dit is precies mijn zorg. Hoeveel uur opleiding ging daar ongeveer in zitten? @{#6}, mag ik een keer komen kijken?",
      },
      {
        by: "#6",
        after: 3,
        replyTo: 2,
        text: "Reken op een week per operator, verspreid over een maand. En kom gerust, we zitten vlak bij de snelweg. Stuur me even een bericht, dan plannen we iets.",
        reactions: { thanks: ["#1"] },
      },
    ],
  },
  {
    circle: "Smart industry kring Brainport",
    title: "Prijsverhoging doorberekenen aan vaste klanten",
    daysAgo: 6,
    posts: [
      {
        by: "#3",
        after: 0,
        text: "Grondstoffen en energie zijn weer duurder geworden en ik moet mijn prijzen omhoog. De meeste klanten zijn al jaren klant, en ik merk dat ik het gesprek uitstel. Hoe pakken jullie dat aan: een brief, een gesprek, of een clausule in het contract?",
      },
      {
        by: "#5",
        after: 6,
        replyTo: 0,
        text: `Alle drie, in die volgorde van belangrijk: eerst het gesprek, dan de brief die bevestigt wat je besproken hebt. En bij nieuwe contracten een **indexatieclausule**, dan hoef je dit gesprek niet elk jaar opnieuw te voeren.

Laat ook zien wat je ervoor terug doet. Klanten accepteren een hogere prijs makkelijker als je levertijd klopt.`,
        reactions: { thumbs_up: ["#3", "#1"], idea: ["#0"] },
      },
    ],
  },

  // --- Digitale bouwplaats Brabant
  {
    circle: "Digitale bouwplaats Brabant",
    title: "Welke app gebruiken jullie voor werkbonnen?",
    daysAgo: 8,
    posts: [
      {
        by: "ricardo.martens@kringwijs.test",
        after: 0,
        text: "Onze monteurs vullen nog papieren werkbonnen in, die op vrijdag op kantoor worden overgetypt. Dat kost een halve dag per week en er gaat van alles mis. Welke app gebruiken jullie, en hoe kregen jullie de mensen op de bouwplaats mee?",
      },
      {
        by: "#1",
        after: 14,
        replyTo: 0,
        text: `Wij zijn overgestapt op een app op de telefoon van de schilders. De keuze voor het pakket was niet het moeilijkste; het moeilijkste was de oudere schilders mee te krijgen.

Wat werkte: twee jonge schilders hebben het eerst gebruikt en het de rest uitgelegd, niet ik. En de eerste maand mocht papier nog, als het maar dezelfde dag werd ingevoerd.`,
        reactions: { idea: ["ricardo.martens@kringwijs.test"], thumbs_up: ["coach"] },
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// The long thread: a running log in which the circle writes, week after week, what they try in
// their own company. Composed from hand-written pieces with a fixed PRNG, so every run gives the
// same 200 posts of varied length.

const who = [LOTTE, HANS, "#2", "#3", "#4", "#5", "#6", "coach"] as const;

const paragraphs = [
  "Deze week heb ik de planner voor het eerst zelf de spoedklussen laten verdelen. Ik zat ernaast en heb twee keer op mijn tong gebeten. Het ging goed, alleen net iets anders dan ik het zou doen.",
  "We zijn gestopt met het wekelijkse overleg op donderdag. Niemand miste het. In plaats daarvan loop ik op dinsdag een rondje langs iedereen, tien minuten per persoon.",
  "Ik heb onze twee oudste monteurs gevraagd wat zij zouden veranderen als het hun bedrijf was. Ik kreeg in een kwartier meer ideeën dan in een jaar personeelsvergaderingen.",
  "Het bord in de kantine werkt. Elke ochtend staat erop wie waar is en wat vastzit. De binnendienst kijkt er nu zelf naar voordat ze mij bellen.",
  "Wat ik merk: zodra ik een besluit terugneem, zakt de rest ook terug. Eén keer ingrijpen kost me drie weken vertrouwen. Ik probeer nu eerst te vragen wat ze zelf zouden doen.",
  "We hebben afgesproken dat iedereen tot vijfhonderd euro zelf mag beslissen over materiaal, zonder te vragen. Sindsdien staat er minder werk stil omdat er op een onderdeel gewacht wordt.",
  "Eerlijk gezegd een slechte week. Twee zieken, een klant die boos was over de levertijd, en ik heb alles weer zelf gedaan. Volgende week opnieuw proberen.",
  "Ik heb een nieuwe collega laten beginnen met een week meelopen in elk team, in plaats van meteen op zijn eigen plek. Hij kent nu iedereen en weet wie hij moet bellen.",
  "Onze teamleider heeft voor het eerst een sollicitatiegesprek zonder mij gevoerd. Zijn keuze was een andere dan de mijne zou zijn geweest, en ik denk dat hij gelijk heeft.",
  "Het omscholen van twee monteurs naar warmtepompen begint zich terug te betalen. Ze leren de anderen nu zelf de basis, op vrijdagmiddag. Daar hoef ik niets voor te regelen.",
  "Ik heb deze week niets nieuws geprobeerd, maar wel iets weggelaten: de dagelijkse mail met de planning. Iedereen kijkt nu in de gedeelde agenda. Twee mensen moesten wennen, de rest vond het een verbetering.",
  "We hebben de klantvragen die binnenkomen zichtbaar gemaakt op een scherm in de werkplaats. De mannen zien nu zelf hoeveel er ligt en schuiven uit zichzelf een klus naar voren.",
  "Wat bij ons helpt: elke vrijdag om half vier een kwartier terugkijken. Wat ging goed, wat liep vast, wat nemen we mee. Geen notulen, wel drie punten op het bord.",
  "Ik merk dat ik de verleiding heb om alles in een nieuw systeem te willen vangen. Maar het begint bij afspraken, niet bij software. Eerst een maand op papier, dan pas kiezen.",
  "Een medewerker kwam met het voorstel om zelf de bestellingen bij de groothandel te doen. Ik heb ja gezegd, met een grens per week. Hij is er trots op, en het scheelt mij elke dag een half uur.",
  "De werkdruk op kantoor blijft het lastigste. De werkplaats draait steeds zelfstandiger, maar de binnendienst voelt zich de buffer tussen klant en monteur. Daar moeten we iets mee.",
  "Deze week een gesprek gehad met de binnendienst over wat zij nodig hebben. Uitkomst: één vast aanspreekpunt per dag in de werkplaats, zodat ze niet iedereen hoeven te bellen.",
  "Ik heb de vakantieplanning dit jaar helemaal bij het team gelegd. De enige regel: er moeten altijd twee mensen zijn die storingen kunnen doen. Het was in een week rond, zonder gedoe.",
  "Wat me opvalt sinds de kring: ik praat minder en vraag meer. Dat voelt soms als tijdverlies, maar de antwoorden die ik krijg zijn beter dan wat ik zelf bedacht had.",
  "Een klant belde me rechtstreeks over een klacht. Ik heb hem doorverbonden met de monteur die het werk had gedaan. Die heeft het in een half uur opgelost, en de klant was tevreden.",
  "We hebben de vaste volgorde van het werkoverleg omgedraaid: eerst wat er vastzit, dan pas de cijfers. Het overleg is korter en er komen meer dingen op tafel.",
  "Onze jongste medewerker heeft een filmpje gemaakt over hoe je een storing aan een warmtepomp opspoort. Het staat nu in de groepsapp en wordt meer bekeken dan elke handleiding.",
  "Ik heb mezelf een regel opgelegd: voor tien uur 's ochtends geen telefoon naar de werkplaats. Als er iets is, lossen ze het eerst zelf op. Het werkt, al moet ik me erg inhouden.",
  "De eerste maand met de nieuwe planner zit erop. Wat we leerden: de planning klopt pas als de monteurs zelf hun uren inschatten. Nu doen ze dat, en de weekplanning loopt veel minder uit.",
  "Twee medewerkers wilden minder uren werken. Eerst schrok ik, maar we hebben het samen met het team opgelost: een ander verdeelt nu de ochtenden. Ik had dit gesprek liever eerder gehad.",
  "Ik heb de cijfers van het afgelopen kwartaal met iedereen gedeeld, ook de marge per soort klus. Er kwamen meteen vragen waarom sommige klussen zo weinig opleveren. Goede vragen.",
  "Deze week heb ik een middag in de bus gezeten met een van de monteurs. Ik zie nu pas hoeveel tijd er zit in het ophalen van materiaal. Dat gaan we anders regelen.",
  "Onze beoordelingsgesprekken zijn vervangen door drie korte gesprekken per jaar, over werk, leren en plezier. De eerste ronde is klaar. Iedereen vond het prettiger, ik ook.",
  "Ik merk dat de mensen die het meeste verantwoordelijkheid willen, het ook het snelst krijgen. De vraag is hoe ik de stillere collega's niet vergeet. Daar heb ik nog geen antwoord op.",
  "We hebben een klein budget vrijgemaakt voor ideeën van medewerkers. Het eerste idee is al uitgevoerd: een vaste plek voor gereedschap in elke bus, met een lijstje erbij.",
  "Mijn vader kwam langs en vroeg waarom ik niet meer bij de dagstart sta. Ik heb hem uitgelegd dat het team het nu zelf doet. Hij keek bedenkelijk, maar de bussen waren om acht uur weg.",
  "Op advies van de kring ben ik begonnen met een halve dag per week zonder afspraken. Dan werk ik aan het bedrijf in plaats van in het bedrijf. De eerste twee weken lukte het, de derde niet.",
  "We hebben samen met het mbo een leerwerkplek ingericht. De leerling loopt mee met een vaste collega en draait na drie maanden zelf kleine klussen. De collega vindt het mooi om te doen.",
  "Het onderhoudscontract als vaste bron van werk verandert ook hoe we plannen. Het rustige werk vult de gaten, en de spoed heeft ruimte. Dat had ik twee jaar geleden niet bedacht.",
  "Deze week bleek dat twee teams hetzelfde probleem op twee manieren oplossen. We hebben ze een uur samen laten zitten. Nu is er één werkwijze, en die is van henzelf.",
  "Ik heb de vraag uit de vorige bijeenkomst voorgelegd aan mijn teamleiders: wat mag ik niet meer doen? Het lijstje was langer dan ik hoopte, maar het was wel eerlijk.",
  "Een van onze monteurs heeft aangegeven dat hij zich wil ontwikkelen tot werkvoorbereider. We maken een plan van een jaar, met een cursus en een dag per week meelopen op kantoor.",
  "Het delen van de planning voor de hele maand heeft rust gebracht. Mensen weten nu waar ze aan toe zijn en ruilen onderling. Ik hoor er bijna niets meer over.",
  "Ik probeer elke week één beslissing die ik altijd zelf nam, bij iemand anders te leggen. Deze week: de inkoop van werkkleding. Klein, maar het telt op.",
  "We zijn een pilot gestart met een vast team per regio. De klanten zien vaker dezelfde gezichten en de monteurs kennen de installaties beter. Na twee maanden zijn de terugkomers gehalveerd.",
];

const shortReplies = [
  "Herkenbaar!",
  "Mooi om te lezen. Hou ons op de hoogte.",
  "Dat ga ik ook proberen.",
  "Goed idee, die neem ik mee naar ons overleg.",
  "Dank voor het delen, hier kan ik wat mee.",
  "Precies dit liepen wij vorig jaar ook tegenaan.",
  "Knap dat je dat volhoudt.",
  "Ben benieuwd hoe het over een maand gaat.",
  "Dit is eigenlijk een mooi onderwerp voor de volgende bijeenkomst.",
  "Klinkt eenvoudig, maar ik weet hoe moeilijk het is.",
  "Wij doen iets vergelijkbaars, werkt goed.",
  "Hier zat ik ook mee. Fijn dat ik niet de enige ben.",
  "Ik lees met plezier mee.",
  "Sterk. Dat durfde ik een jaar geleden nog niet.",
];

const questions = [
  "Hoe reageerde het team in het begin?",
  "Hoe lang duurde het voordat het vanzelf ging?",
  "Wat doe je als het een keer misgaat?",
  "Heb je dat vooraf met iedereen besproken, of gewoon gedaan?",
  "Wie bewaakt bij jullie dat het niet terugzakt?",
  "Hoe houd je zelf het overzicht zonder alles te controleren?",
  "Zou dat ook werken in een bedrijf met maar drie mensen?",
  "Wat zou je anders doen als je opnieuw begon?",
  "Hoe leg je dit uit aan klanten die gewend zijn jou te bellen?",
  "Kost het je nu meer of minder tijd dan vroeger?",
];

const lists = [
  `Wat we deze week afspraken:

- de dagstart begint op tijd, ook als niet iedereen er is;
- storingen eerst, onderhoud daarna;
- wie vastloopt, zegt het voor tien uur.`,
  `Drie dingen die ik heb geleerd:

1. Eerst vragen, dan pas vertellen.
2. Een besluit terugdraaien kost meer dan het oplevert.
3. Het team ziet vaak eerder dan ik waar het wringt.`,
  `Wat het ons tot nu toe opleverde:

- **minder telefoontjes** naar mij op de maandag;
- de bussen eerder de weg op;
- een planner die zegt dat het werk leuker is geworden.`,
  `Ons lijstje voor het werkoverleg:

1. Wat zit er vast?
2. Wie heeft hulp nodig?
3. Wat is er deze week goed gegaan?`,
  `Wat nog niet werkt:

- de binnendienst krijgt de klachten nog steeds als eerste;
- overdracht tussen de ochtend en de middag;
- ik, op drukke dagen.`,
  `Mijn volgende stappen:

1. De inkoop bij het team leggen, met een budget per maand.
2. Een vast aanspreekpunt per dag in de werkplaats.
3. Over een maand terugkijken met iedereen.`,
];

const closings = [
  "Volgende week meer.",
  "Wordt vervolgd.",
  "Ik laat weten hoe het afloopt.",
  "Tips zijn welkom.",
  "",
  "",
  "",
];

const links = [
  "Ik vond er ook bruikbare voorbeelden over op [kvk.nl](https://www.kvk.nl).",
  "Er staat een goede uitleg over leerwerkplekken op [s-bb.nl](https://www.s-bb.nl).",
  "Voor de regelingen kijk ik altijd eerst op [rvo.nl](https://www.rvo.nl).",
];

/** The 199 replies of the long thread (its opening post is `longThreadOpening`). */
export const longThreadOpening: SeedPost = {
  by: "coach",
  after: 0,
  text: `Een draad om het vol te houden tussen de bijeenkomsten door. Schrijf hier elke week **één ding** dat je anders hebt gedaan in je bedrijf, hoe klein ook, en wat het opleverde. Of wat niet.

Het hoeft geen succesverhaal te zijn; juist wat mislukt, leert ons het meest. Reageer gerust op elkaar.`,
};

export function longThreadReplies(count: number): SeedPost[] {
  const rand = prng(20_270_216);
  const shuffled = <T>(items: readonly T[]) => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = rand.int(0, i);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  // Paragraphs come round in shuffled order, so a reader meets each about as often.
  let deck: string[] = [];
  const nextParagraph = () => {
    if (deck.length === 0) deck = shuffled(paragraphs);
    return deck.pop()!;
  };
  const replies: SeedPost[] = [];
  let previousBy: string = "coach";
  for (let i = 0; i < count; i++) {
    const index = i + 1;
    let by: string = rand.pick(who);
    if (by === previousBy) by = who[(who.indexOf(by as (typeof who)[number]) + 1) % who.length]!;
    previousBy = by;
    const kind = rand.weighted({ short: 25, medium: 45, long: 30 });
    const parts: string[] = [];
    const post: SeedPost = { by, text: "", after: rand.int(2, 9) };
    const others = who.filter((w) => w !== by);
    if (kind === "short") {
      parts.push(rand.pick(shortReplies));
      if (rand.chance(0.3)) parts.push(rand.pick(questions));
      post.replyTo = Math.max(0, index - rand.int(1, 3));
    } else if (kind === "medium") {
      parts.push(nextParagraph());
      if (rand.chance(0.35)) parts.push(rand.pick(questions));
      else if (rand.chance(0.15)) parts.push(rand.pick(links));
    } else {
      const first = nextParagraph();
      if (rand.chance(0.3) && index > 3) {
        // Quote the first sentence of an earlier reply that has a paragraph.
        const earlier = replies
          .map((r, at) => ({ r, at: at + 1 }))
          .filter(({ r }) => r.text.length > 120 && r.by !== by)
          .slice(-12);
        const pick = earlier.length ? rand.pick(earlier) : null;
        const sentence = pick?.r.text.match(/^[^.!?\n]+[.!?]/)?.[0];
        if (pick && sentence) post.quote = { post: pick.at, passage: sentence };
      }
      parts.push(first);
      parts.push(rand.chance(0.5) ? rand.pick(lists) : nextParagraph());
      if (rand.chance(0.25))
        parts.push(`@{${rand.pick(others)}}, ${rand.pick(questions).toLowerCase()}`);
      const closing = rand.pick(closings);
      if (closing) parts.push(closing);
    }
    post.text = parts.join("\n\n");
    const reactions: NonNullable<SeedPost["reactions"]> = {};
    if (rand.chance(0.45)) {
      const reaction = rand.pick(["thumbs_up", "heart", "idea", "thanks", "laugh"] as const);
      reactions[reaction] = shuffled(others).slice(0, rand.int(1, 4));
    }
    if (Object.keys(reactions).length) post.reactions = reactions;
    replies.push(post);
  }
  return replies;
}
