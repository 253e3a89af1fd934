/**
 * The knowledge bank's demo data (issue 18): fifteen practice stories by the five ambassadors and
 * ten tools, scans and links added by a coach and the organiser. Written through the knowledge
 * model (createItem, publishItem), so every item is rendered, audited and in the search index.
 * Idempotent: an item whose slug is already there is left alone. A story whose ambassador is not
 * in the database (Esther Bruins and Rachid Benali come from the ambassadors' seed) is skipped
 * with a log line.
 */
import { eq } from "drizzle-orm";
import { knowledgeItems, users } from "./schema";
import { slugify } from "../app/domain/knowledge";
import type { KnowledgeKind } from "../app/domain/states";
import { createItem, getItemBySlug, publishItem } from "../app/models/knowledge.server";
import { getDb } from "../app/utils/db.server";

type SeedItem = {
  kind: KnowledgeKind;
  /** The ambassador of a story, or the coach or organiser who adds a tool. */
  by: string;
  title: string;
  summary: string;
  body: string;
  url?: string;
  themes: string[];
  sectors?: string[];
  lifePhases?: string[];
  sizeClasses?: string[];
  /** Days before today it was published, so the newest-first list has an order. */
  daysAgo: number;
};

const HENK = "ambassadeur@kringwijs.test";
const SANNE = "sanne.kuipers@kringwijs.test";
const BART = "bart.nijhuis@kringwijs.test";
const ESTHER = "esther.bruins@kringwijs.test";
const RACHID = "rachid.benali@kringwijs.test";
const COACH = "coach@kringwijs.test";
const ORGANISER = "organisator@kringwijs.test";

export const seedStories: SeedItem[] = [
  {
    kind: "story",
    by: HENK,
    title: "Zelfsturende teams in de werkplaats: wat we na twee jaar weten",
    summary:
      "Bij Wolters Metaalbewerking plannen de teams in de werkplaats hun eigen werk. Henk Wolters vertelt wat dat opleverde, wat tegenviel en wat hij nu anders zou doen.",
    themes: ["social_innovation", "people"],
    sectors: ["C"],
    lifePhases: ["renewing"],
    sizeClasses: ["small"],
    daysAgo: 120,
    body: `Twee jaar geleden stond ik elke ochtend om half zeven in de werkplaats met een stapel werkbonnen. Ik verdeelde het werk, loste de problemen op en ging om zes uur 's avonds naar huis met het gevoel dat alles op mij draaide. Dat klopte ook. En het was niet vol te houden.

## Hoe we begonnen

In een kring met andere ondernemers uit Twente hoorde ik hoe een collega zijn teams zelf de planning liet maken. Ik was sceptisch. Onze mensen zijn vakmensen, geen planners. Toch hebben we het geprobeerd, eerst met één team van zes man op de afdeling plaatwerk.

We spraken drie dingen af. Het team start de dag samen, tien minuten bij het bord. Het team verdeelt zelf de orders van de week. En als er iets misgaat, lossen ze het eerst onderling op voordat ze bij mij komen.

## Wat het opleverde

De eerste maanden waren rommelig. Orders lagen te lang, en er was gemor over wie de vervelende klussen kreeg. Maar na een half jaar zag ik iets veranderen. De mannen gingen zelf met de werkvoorbereiding praten. Ze kwamen met ideeën om de opstelling van de kantbank te verbeteren. De doorlooptijd ging omlaag, en het ziekteverzuim ook.

Inmiddels werken alle vier de teams in de productie zo. Ik sta niet meer om half zeven bij de bonnen. Ik heb tijd voor klanten en voor de vraag waar we over vijf jaar willen staan.

## Wat tegenviel

Op kantoor en in de werkvoorbereiding werkt het nog niet. Daar zitten mensen die gewend zijn dat ik beslis, en eerlijk gezegd vind ik het daar zelf ook moeilijker om los te laten. Als de orderportefeuille vol zit en de druk oploopt, val ik terug in mijn oude rol.

## Wat ik een ander zou aanraden

Begin klein, met één team dat er zin in heeft. Spreek af wat het team zelf beslist en wat niet, en schrijf dat op. Reken op een dip van een paar maanden. En zoek een paar collega-ondernemers die hetzelfde doen: in onze kring hielden we elkaar eerlijk als een van ons weer alles naar zich toe trok.`,
  },
  {
    kind: "story",
    by: HENK,
    title: "Het middenkader meenemen als de teams zelf gaan plannen",
    summary:
      "Zelforganisatie in de werkplaats lukte, maar de teamleiders voelden zich overbodig. Hoe Wolters Metaalbewerking hun rol opnieuw uitvond.",
    themes: ["social_innovation", "people"],
    sectors: ["C"],
    lifePhases: ["renewing"],
    sizeClasses: ["small"],
    daysAgo: 75,
    body: `Toen onze teams in de productie hun eigen werk gingen plannen, dacht ik dat de grootste weerstand van de vakmensen zou komen. Dat was niet zo. De moeilijkste gesprekken voerde ik met mijn teamleiders.

## Een rol die verdwijnt

Onze vier teamleiders waren jarenlang degenen die het werk verdeelden, de uren bijhielden en de knopen doorhakten. Nu deden de teams dat zelf. Een van hen zei het heel eerlijk: "Henk, waar ben ik nog voor?" Hij had gelijk dat zijn oude taak grotendeels weg was. Alleen had ik niet nagedacht over wat ervoor in de plaats kwam.

## Samen een nieuwe rol bedenken

We zijn met z'n vijven een paar middagen gaan zitten, met een coach van buiten erbij. De vraag was simpel: wat hebben de teams nodig om goed zelf te kunnen plannen? Daar kwam uit dat de teams vooral hulp zoeken bij drie dingen. Vakinhoudelijke vragen over lastige orders. Het gesprek met een collega die zich niet aan de afspraken houdt. En het contact met andere afdelingen.

Zo werden de teamleiders coach en verbinder. Ze zitten niet meer boven het team, maar ernaast. Ze leiden geen overleg meer, maar helpen het team om het eigen overleg goed te doen.

## Wat het kostte

Eén teamleider is vertrokken. Hij wilde leidinggeven op de manier die hij kende, en dat kon bij ons niet meer. Dat vond ik jammer, maar achteraf was het voor beide kanten beter. De andere drie hebben een training gevolgd in coachend leidinggeven, betaald uit een regeling voor leven lang ontwikkelen.

## Mijn les

Als je iets verandert aan hoe mensen werken, verander je ook iets aan de positie van degenen die ertussen zitten. Betrek ze vanaf het begin, en geef ze de kans om hun nieuwe rol zelf mee vorm te geven. Dat had ik eerder moeten doen.`,
  },
  {
    kind: "story",
    by: HENK,
    title: "Personeel vinden en houden in de metaal: onze leerlijn met het ROC",
    summary:
      "Geen reacties meer op vacatures voor CNC-operators. Wolters Metaalbewerking begon samen met het ROC een eigen leerlijn, en houdt nu ook de mensen die binnenkomen.",
    themes: ["people", "education"],
    sectors: ["C"],
    lifePhases: ["renewing", "established"],
    sizeClasses: ["small"],
    daysAgo: 40,
    body: `Drie jaar geleden stond er een vacature voor een CNC-operator zes maanden open. Nul sollicitaties die ergens op leken. Collega's in de regio hadden hetzelfde probleem, en we pikten elkaars mensen weg met een paar euro meer per uur. Dat schiet niemand op.

## Zelf opleiden

We hebben toen besloten om mensen zelf op te leiden. Niet alleen schoolverlaters, juist ook zij-instromers: een vrachtwagenchauffeur die niet meer wilde rijden, een vrouw die na jaren in de zorg iets met haar handen wilde doen. Met het ROC in Hengelo hebben we een leerlijn gemaakt waarin ze vier dagen bij ons werken en één dag naar school gaan.

Het ROC regelt het diploma, wij de praktijk. Elke leerling krijgt een vaste maatje in de werkplaats, iemand die het vak kent en er tijd voor krijgt. Dat laatste is belangrijk: als je maatje het er even bij moet doen, werkt het niet.

## Wat het oplevert

In drie jaar hebben we negen mensen opgeleid. Zeven werken er nog. Dat is meer dan we via vacatures ooit binnenhaalden. En omdat ze ons bedrijf van binnenuit kennen, vallen ze minder snel af.

Het kost ook wat. Een maatje is een paar uur per week minder productief, en de eerste maanden levert een leerling weinig op. Reken op een jaar voordat iemand echt meedraait. Er zijn regelingen die een deel van de kosten dekken; het innovatieloket in de regio hielp ons de weg te vinden.

## Houden is net zo belangrijk

Wat ik onderschat had: mensen binnenhalen is één ding, ze houden is iets anders. Onze nieuwe mensen blijven omdat ze zien dat ze kunnen groeien. Iedereen heeft een jaarlijks gesprek over wat hij of zij wil leren, en dat nemen we serieus. Sinds de teams zelf plannen, is er ook meer ruimte om een leerling een lastige klus te geven met een ervaren collega ernaast.

Mijn advies: wacht niet tot de arbeidsmarkt weer meezit. Ga met je ROC praten, en doe het samen met een paar andere bedrijven in de regio. Dan is het voor de school ook de moeite waard.`,
  },
  {
    kind: "story",
    by: HENK,
    title: "Wat een kring met collega-ondernemers mij bracht",
    summary:
      "Henk Wolters twijfelde of hij tijd had voor een leerkring. Een jaar later noemt hij het de beste investering in zijn eigen ontwikkeling.",
    themes: ["social_innovation", "growth"],
    sectors: ["C"],
    lifePhases: ["renewing"],
    sizeClasses: ["small"],
    daysAgo: 14,
    body: `Toen de provincie me vroeg om mee te doen aan een pilot met leerkringen, was mijn eerste reactie: daar heb ik geen tijd voor. Een avond per zes weken praten met andere ondernemers, wat levert dat op? Ik had genoeg te doen in mijn eigen bedrijf.

## Hoe een avond eruitziet

We waren met zeven ondernemers uit verschillende sectoren: een bouwer, een zorgondernemer, een eigenaar van een drukkerij, en een paar mensen uit de maakindustrie. Een coach begeleidde de avond. Elke keer bracht iemand een vraag in waar hij of zij echt mee worstelde. De anderen stelden eerst alleen vragen, zonder advies te geven. Pas daarna deelden we ervaringen.

Die regel, eerst vragen en pas later ideeën, vond ik in het begin lastig. Ik ben gewend om snel een oplossing te roepen. Maar juist door die vragen ontdekte de inbrenger vaak zelf waar het echt om ging.

## Wat ik eraan had

Mijn eigen vraag ging over de zelfsturende teams: hoe houd je het vol als het druk wordt? De andere ondernemers herkenden het direct. De bouwer vertelde dat hij in drukke tijden juist één vast moment per dag inbouwde waarop hij niet ingreep. Dat heb ik overgenomen. Het klinkt simpel, maar het werkt.

Belangrijker nog was het vertrouwen. Wat in de kring gezegd werd, bleef in de kring. Daardoor durfde ik te zeggen dat ik soms twijfelde of ik de juiste persoon was om het bedrijf verder te brengen. Dat zeg je niet tegen je personeel, en ook niet tegen je bank.

## Ook buiten de avonden

Tussen de bijeenkomsten door belden we elkaar. Een van de anderen kwam een keer kijken in onze werkplaats, en ik ben bij de drukkerij geweest om te zien hoe zij hun planning digitaliseerden. Zo werd het een netwerk van mensen die je echt kent.

## Voor wie twijfelt

Je hoeft geen grote vraag te hebben om mee te doen. Het gaat om gewone dingen: personeel, groei, je eigen rol. Als ondernemer sta je er vaak alleen voor. In een kring niet.`,
  },
  {
    kind: "story",
    by: SANNE,
    title: "Samen met de hogeschool een prototype bouwen",
    summary:
      "Kuipers Zorgtechniek wilde een slimme sensor voor de thuiszorg, maar had de kennis niet in huis. Een project met studenten en een lector van de hogeschool bracht de doorbraak.",
    themes: ["education", "product_market"],
    sectors: ["C", "Q"],
    lifePhases: ["growing"],
    sizeClasses: ["small"],
    daysAgo: 150,
    body: `Wij maken hulpmiddelen voor de thuiszorg: tilliften, douchestoelen, aanpassingen in huis. Een paar jaar geleden kregen we steeds vaker de vraag of onze producten konden laten weten wanneer er iets misging. Een val, een lift die niet goed werd gebruikt. Wij zijn goed in metaal en kunststof, niet in sensoren en software.

## De eerste stap

Via een collega-ondernemer kwam ik bij het centre of expertise van de hogeschool in Nijmegen terecht. Ik had verwacht dat ik een lang formulier moest invullen en een jaar moest wachten. Het ging anders. Een lector kwam bij ons langs, keek rond en stelde vragen waar ik zelf nog niet over had nagedacht. Wie gebruikt het? Wat mag er wel en niet gemeten worden? Wat gebeurt er met die gegevens?

## Studenten aan het werk

We zijn begonnen met een groep van vier studenten techniek en één student verpleegkunde, een half jaar lang. Ze werkten twee dagen per week bij ons in de werkplaats. Dat laatste was belangrijk: ze zagen hoe onze mensen werken en spraken met thuiszorgmedewerkers die onze producten gebruiken.

Aan het eind stond er een werkend prototype: een kleine sensor die aan de tillift wordt vastgemaakt en een melding geeft als de lift verkeerd wordt belast. Het was nog niet te koop, maar het liet zien dat het kon.

## Wat ik leerde

Een hogeschool werkt in semesters, een bedrijf in orders. Daar moet je rekening mee houden. Studenten zijn er niet in de zomer, en aan het eind van het project moet er een verslag liggen, ook als jij liever nog een week aan het prototype had gewerkt. Spreek dat vooraf af.

Trek ook zelf tijd uit. Ik had een medewerker aangewezen die een dag per week voor de studenten beschikbaar was. Zonder haar was het project gestrand.

## Hoe verder

Inmiddels loopt er een tweede project met de hogeschool, nu met financiering uit een regeling voor praktijkgericht onderzoek. En twee van de studenten werken nu bij ons. Dat had ik vooraf niet bedacht, maar het is misschien wel de grootste winst.`,
  },
  {
    kind: "story",
    by: SANNE,
    title: "Export naar Duitsland: onze eerste drie klanten",
    summary:
      "Duitsland is vlakbij, maar de zorgmarkt werkt er heel anders. Sanne Kuipers vertelt hoe haar bedrijf de eerste klanten over de grens vond, en waar ze bijna op vastliep.",
    themes: ["international", "growth"],
    sectors: ["C"],
    lifePhases: ["growing"],
    sizeClasses: ["small"],
    daysAgo: 90,
    body: `Vanuit Nijmegen ben je in twintig minuten in Duitsland. Toch duurde het vijf jaar voordat we daar onze eerste tillift verkochten. Achteraf lag dat niet aan de afstand, maar aan hoe wij erover dachten.

## De verkeerde aanpak

Onze eerste poging was simpel: we vertaalden de folder, gingen naar een beurs in Düsseldorf en wachtten af. Er kwamen wat visitekaartjes binnen, maar geen orders. Duitse zorginstellingen kopen niet bij een leverancier die ze niet kennen, en zeker niet zonder de juiste keurmerken en een aanspreekpunt dat Duits spreekt.

## Wat wel werkte

Via de Kamer van Koophandel kwamen we in contact met een exportadviseur, en via onze leerkring met een ondernemer die al tien jaar in Duitsland verkocht. Hij gaf ons drie adviezen die alles veranderden.

Eén: begin in de grensregio, waar mensen Nederlandse bedrijven kennen. Twee: zoek een Duitse partner die je product verkoopt en onderhoudt, in plaats van alles zelf te willen doen. Drie: zorg dat je documentatie en keuringen volledig in orde zijn voordat je het eerste gesprek voert.

We vonden een familiebedrijf in Kleve dat hulpmiddelen levert aan thuiszorgorganisaties. Zij kenden de markt, wij hadden het product. Binnen een jaar hadden we drie vaste klanten, alle drie via hen.

## Waar we bijna op vastliepen

De keuringen en de regels voor medische hulpmiddelen kostten veel meer tijd dan gedacht. We moesten een deel van onze documentatie opnieuw laten opstellen. Reken daar zeker een half jaar voor, en praat vroeg met een expert.

Ook de taal onderschatte ik. Een partner helpt, maar je eigen mensen moeten ook een Duitse klant aan de telefoon kunnen helpen. Twee medewerkers volgen nu een cursus zakelijk Duits.

## Mijn advies

Export is geen project van een paar maanden. Zie het als een tweede thuismarkt die je rustig opbouwt. En praat met ondernemers die het al gedaan hebben: hun fouten hoef jij niet meer te maken.`,
  },
  {
    kind: "story",
    by: SANNE,
    title: "Financiering van een groeistap: van bank tot innovatiekrediet",
    summary:
      "Een nieuwe productielijn kost meer dan een klein bedrijf zelf kan betalen. Hoe Kuipers Zorgtechniek de financiering rond kreeg met drie verschillende geldbronnen.",
    themes: ["finance", "growth"],
    sectors: ["C"],
    lifePhases: ["growing"],
    sizeClasses: ["small"],
    daysAgo: 30,
    body: `Toen het prototype van onze slimme sensor klaar was, begon het echte werk. Om hem te kunnen maken en verkopen hadden we een nieuwe productielijn nodig, testapparatuur en twee extra mensen. Samen ruim vier ton. Dat hadden we niet op de bank staan.

## De bank zei nee

Onze huisbank kende ons al twintig jaar. Voor een nieuwe machine om bestaande producten te maken was een lening geen probleem. Maar voor een product dat nog niet verkocht werd, was het risico te groot. Dat begreep ik wel, maar het was even slikken.

## Drie bronnen in plaats van één

Via het innovatieloket van de provincie kreeg ik een gesprek met een adviseur die ons hielp om het plan op te knippen. Niet één grote lening, maar drie stukken die elk bij een andere geldgever pasten.

Voor het laatste deel van de ontwikkeling vroegen we een innovatiekrediet aan. Dat is bedoeld voor precies deze fase: het product werkt, maar moet nog klaargemaakt worden voor de markt. De aanvraag was veel werk, maar de vragen die we moesten beantwoorden maakten ons plan ook beter.

Voor de productielijn ging de bank alsnog mee, met een borgstelling van de overheid erbij. Het risico voor de bank werd daardoor kleiner.

Het laatste deel kwam van een regionaal investeringsfonds, dat een kleine participatie nam. Daar moest ik aan wennen: iemand anders die meekijkt in je bedrijf. Maar ze brachten ook kennis en een netwerk mee.

## Wat ik anders zou doen

Ik ben te laat begonnen. Een financieringsronde kost al snel een half jaar, en in die tijd wil je eigenlijk al verder. Begin dus met praten voordat je het geld nodig hebt.

Zorg ook voor goede cijfers. Elke geldgever vroeg om een prognose voor drie jaar, met een onderbouwing. Mijn boekhouder heeft daar veel tijd in gestoken, en dat was het waard.

In onze leerkring heb ik mijn plan twee keer voorgelegd. De vragen van de andere ondernemers waren soms scherper dan die van de bank. Dat was de beste voorbereiding die ik kon hebben.`,
  },
  {
    kind: "story",
    by: BART,
    title: "De bakkerij van mijn vader overnemen",
    summary:
      "Bart Nijhuis nam de familiebakkerij in Winterswijk over van zijn vader. Over de lange aanloop, de lastige gesprekken aan de keukentafel en wat hij daarvan leerde.",
    themes: ["succession_governance"],
    sectors: ["C"],
    lifePhases: ["succession"],
    sizeClasses: ["small"],
    daysAgo: 110,
    body: `Ik ben opgegroeid boven de bakkerij. Als jongen hielp ik op zaterdag in de winkel, en iedereen in Winterswijk ging ervan uit dat ik het later zou overnemen. Ik ook, eigenlijk. Maar niemand had het er ooit echt over gehad.

## Het gesprek dat niet gevoerd werd

Toen mijn vader zestig werd, vroeg de accountant wanneer hij wilde stoppen. Mijn vader zei: "Over een paar jaar, Bart neemt het over." Dat was de eerste keer dat ik het hem hardop hoorde zeggen. Over hoe, wanneer en voor welk bedrag was nog nooit gesproken. Mijn zus, die niet in het bedrijf werkt, wist er helemaal niets van.

## Hulp van buiten

We hebben een adviseur gevraagd die gespecialiseerd is in familiebedrijven. Dat was de beste beslissing van het hele traject. Zij zat aan tafel bij de gesprekken die we alleen niet goed konden voeren. Over geld, over de rol van mijn vader na de overdracht, en over wat eerlijk was tegenover mijn zus.

Het kostte ons bijna twee jaar. We spraken een overdracht in stappen af: eerst werd ik mede-eigenaar, drie jaar later nam ik de rest over. Mijn vader bleef nog een jaar meewerken in de bakkerij, maar zonder te beslissen.

## Het moeilijkste deel

Dat laatste was lastiger dan verwacht. Mijn vader stond nog elke ochtend om vier uur aan de oven, en het personeel vroeg hem nog steeds om raad. Een paar keer nam hij beslissingen die eigenlijk van mij waren. Dat gaf spanning, thuis en in de bakkerij.

We hebben toen afgesproken dat hij één dag in de week vrij nam, en dat vragen van het personeel altijd naar mij gingen. Dat klinkt hard, maar het was nodig.

## Wat ik anderen meegeef

Begin op tijd met praten, ook als het ongemakkelijk is. Betrek de hele familie, ook wie niet in het bedrijf werkt. Zoek iemand van buiten die het gesprek kan leiden. En spreek vooraf af wat de rol van de vorige generatie na de overdracht wordt. In onze kring voor familiebedrijven hoorde ik dat bijna iedereen daar tegenaan loopt.`,
  },
  {
    kind: "story",
    by: BART,
    title: "Een familiestatuut: waarom we het eerder hadden moeten opstellen",
    summary:
      "Na de overname stelde de familie Nijhuis alsnog een familiestatuut op. Bart legt uit wat erin staat en waarom het de sfeer aan tafel veranderde.",
    themes: ["succession_governance"],
    sectors: ["C"],
    lifePhases: ["succession", "established"],
    sizeClasses: ["small"],
    daysAgo: 60,
    body: `Een familiestatuut klonk mij altijd als iets voor grote familiebedrijven met tientallen aandeelhouders. Niet voor een bakkerij in Winterswijk. Toch hebben we er een opgesteld, een jaar na de overname. En ik wou dat we het eerder hadden gedaan.

## Waarom toch

De overname was rond, maar er bleven vragen hangen. Mag mijn zus later meebeslissen als ze aandelen erft? Wat als een van mijn kinderen in het bedrijf wil werken? Wie mag de naam Nijhuis gebruiken als er ooit een tweede winkel komt? Niemand had er het antwoord op, en iedereen had er een mening over.

## Wat erin staat

Ons statuut is acht pagina's. Er staat in wat we als familie belangrijk vinden: vakmanschap, een goede naam in het dorp, en dat het bedrijf niet ten koste gaat van de familie. Er staat in hoe familieleden in het bedrijf kunnen komen werken: eerst ergens anders ervaring opdoen, en solliciteren zoals iedereen. En er staat in hoe we besluiten nemen als we het niet eens zijn: eerst samen praten, en als dat niet lukt, met een vaste adviseur erbij.

Het is geen juridisch document. De harde afspraken over aandelen staan in de statuten van de bv en in een aandeelhoudersovereenkomst. Het familiestatuut gaat over de manier waarop we met elkaar omgaan.

## Hoe we het opstelden

We hebben vier avonden met de hele familie aan tafel gezeten: mijn ouders, mijn zus en haar man, mijn vrouw en ik. De adviseur die ons bij de overname hielp, leidde de gesprekken. Ze had een sjabloon met vragen, maar het belangrijkste was dat iedereen aan het woord kwam.

Op de tweede avond kwam er iets op tafel dat al jaren speelde: mijn zus had het gevoel dat ze er nooit bij hoorde. Dat gesprek was pijnlijk, maar het lucht op.

## Wat het veranderde

De sfeer op verjaardagen is beter. Dat klinkt klein, maar in een familiebedrijf is dat veel waard. En als er nu een lastige vraag komt, pakken we het statuut erbij in plaats van dat iemand zich gepasseerd voelt.`,
  },
  {
    kind: "story",
    by: BART,
    title: "Samen inkopen met collega-bakkers in een coöperatie",
    summary:
      "Meel, energie en verpakkingen werden fors duurder. Vijf ambachtelijke bakkers uit de Achterhoek richtten een inkoopcoöperatie op. Wat het opleverde, en welke ideeën er nog meer uit voortkwamen.",
    themes: ["sustainability", "growth"],
    sectors: ["C"],
    lifePhases: ["established"],
    sizeClasses: ["small", "micro"],
    daysAgo: 20,
    body: `Twee jaar geleden verdubbelde onze energierekening bijna. Tegelijk werd meel duurder en stegen de prijzen van verpakkingen. Een grote bakkerijketen onderhandelt dan met de leverancier. Een ambachtelijke bakker uit Winterswijk betaalt gewoon wat er op de factuur staat.

## Vijf bakkers aan tafel

Op een bijeenkomst van de regionale ondernemersvereniging raakte ik aan de praat met vier collega-bakkers uit de Achterhoek. Concurrenten, dacht ik altijd. Maar onze klanten komen uit ons eigen dorp; we zitten elkaar nauwelijks in de weg. We hadden allemaal hetzelfde probleem.

We besloten samen in te kopen. Eerst informeel, met één bestelling meel per maand. Na een half jaar richtten we een coöperatie op, met een notaris erbij en duidelijke afspraken over wie wat inbrengt.

## Wat het opleverde

Op meel besparen we zo'n acht procent. Op verpakkingen meer, omdat we nu samen een duurzamere verpakking hebben laten ontwikkelen die we met vijf bakkers afnemen. Alleen had niemand van ons die investering kunnen doen.

Voor energie hebben we samen een adviseur ingehuurd die bij alle vijf de bakkerijen heeft gekeken waar we konden besparen. Bij mij bleek de oude oven de grootste verbruiker. Met een regeling voor energiebesparing hebben we hem vervangen.

## Ideeën die er vanzelf bij kwamen

Het mooiste is eigenlijk wat er naast het inkopen ontstond. We wisselen recepten uit, springen bij elkaar bij als er iemand ziek is, en delen ideeën over personeel. Een van de bakkers leidt nu leerlingen op voor ons allemaal. En we praten over samen een bezorgdienst starten voor de kleinere dorpen.

## Waar je op moet letten

Een coöperatie vraagt tijd. Iemand moet de bestellingen regelen en de administratie bijhouden; bij ons rouleert dat per jaar. Spreek ook af wat er gebeurt als iemand wil stoppen. En kies collega's die je vertrouwt: het werkt alleen als iedereen open is over zijn cijfers.`,
  },
  {
    kind: "story",
    by: ESTHER,
    title: "Digitalisering van de planning: van whiteboard naar één rooster",
    summary:
      "Esther Bruins hielp een installatiebedrijf met twintig monteurs van het whiteboard af. Wat werkte, wat niet, en waarom de monteurs zelf de doorslag gaven.",
    themes: ["digitalisation"],
    sectors: ["J", "F"],
    lifePhases: ["established", "renewing"],
    sizeClasses: ["small"],
    daysAgo: 100,
    body: `Bij veel bedrijven die wij helpen hangt er nog een whiteboard. Met magneetjes voor de monteurs, kleurtjes voor de klussen en een planner die het hele systeem in zijn hoofd heeft. Dat werkt, tot die planner op vakantie gaat.

## De vraag

Een installatiebedrijf uit de regio Eindhoven vroeg ons om hun planning te digitaliseren. Twintig monteurs, een planner en een eigenaar die zelf ook nog vaak de bus in stapte. Het whiteboard was vol, klanten belden om te vragen wanneer de monteur kwam, en niemand wist het precies.

## Niet beginnen met software

Onze eerste stap was geen software kiezen. We zijn een week lang meegelopen: met de planner op kantoor, en met twee monteurs op de weg. Zo zagen we waar het misging. Het probleem zat niet in het plannen zelf, maar in alles wat daarna gebeurde. Een klus duurde langer, een onderdeel was er niet, en die informatie kwam pas 's avonds terug op kantoor.

## Klein beginnen

We kozen een eenvoudige planningsapp die op de telefoon van de monteurs werkt. Geen maatwerk, maar een pakket dat veel installateurs gebruiken. Eerst met drie monteurs die er zin in hadden. Zij gaven elke week door wat lastig was, en wij pasten de instellingen aan.

Na twee maanden vroegen de andere monteurs zelf of ze mee mochten doen. Dat was het keerpunt. Als de monteurs het niet willen, werkt geen enkel systeem.

## Wat het opleverde

De planner heeft nu een overzicht dat altijd klopt. Klanten krijgen automatisch een bericht als de monteur onderweg is. En de eigenaar ziet aan het eind van de week hoeveel uur er aan welke klus is besteed, zonder dat iemand briefjes hoeft in te leveren.

Het whiteboard hangt er trouwens nog. Voor de grote projecten die maanden duren, vinden ze het overzicht daarop prettiger. Dat is prima: digitaliseren betekent niet dat alles digitaal moet.

## Mijn advies

Begin bij het probleem, niet bij de software. Laat de mensen die ermee moeten werken meebeslissen. En reken op een paar maanden waarin het oude en het nieuwe naast elkaar bestaan.`,
  },
  {
    kind: "story",
    by: ESTHER,
    title: "Klein beginnen met data: drie cijfers die ertoe doen",
    summary:
      "Dashboards vol grafieken die niemand bekijkt: Esther Bruins ziet het vaak. Ze vertelt hoe ondernemers met drie goed gekozen cijfers wel betere beslissingen nemen.",
    themes: ["digitalisation", "growth"],
    sectors: ["J"],
    lifePhases: ["growing", "established"],
    sizeClasses: ["micro", "small"],
    daysAgo: 55,
    body: `Als een ondernemer bij ons komt met de vraag "wij willen iets met data", vraag ik altijd eerst: welke beslissing wil je beter nemen? Vaak blijft het dan even stil.

## Het dashboard dat niemand opent

Een groothandel in bouwmaterialen had een duur dashboard laten bouwen, met veertig grafieken. Na drie maanden keek niemand er meer naar. Het was te veel, en het gaf geen antwoord op de vragen die de eigenaar elke week had.

## Drie cijfers

We zijn met de eigenaar en zijn twee leidinggevenden gaan zitten. De vraag was: welke drie cijfers wil je elke maandagochtend zien om te weten of het goed gaat? Na een ochtend praten kwamen ze uit op de marge per productgroep, het aantal orders dat te laat werd geleverd en het aantal klanten dat al drie maanden niets had besteld.

Dat laatste cijfer bleek goud waard. De verkopers belden die klanten nu actief, en een deel bleek naar een concurrent te zijn gegaan om een reden die makkelijk op te lossen was.

## Hoe je begint

Je hebt geen dure software nodig. Veel boekhoudpakketten en webwinkels kunnen al meer dan je denkt. Wij begonnen voor deze klant met een spreadsheet die elke week automatisch werd bijgewerkt. Pas toen duidelijk was welke cijfers ertoe deden, hebben we er een eenvoudig dashboard van gemaakt.

Zorg ook dat de gegevens kloppen. Bij deze groothandel werden orders soms dubbel ingevoerd. Dat moest eerst opgelost worden, anders vertrouwde niemand de cijfers.

## Wat het oplevert

Het gaat niet om de grafieken, maar om het gesprek dat erover ontstaat. Elke maandag bespreken ze nu in een kwartier de drie cijfers, en wat ze die week anders gaan doen. Dat is het echte resultaat.

Voor ondernemers die willen beginnen: kies één beslissing, zoek het cijfer dat daarbij helpt en kijk er een maand lang elke week naar. Dan weet je vanzelf wat je nog meer wilt weten.`,
  },
  {
    kind: "story",
    by: ESTHER,
    title: "Zelforganisatie in een digitaal bureau van twaalf mensen",
    summary:
      "Geen managers, wel duidelijke afspraken. Hoe het bureau van Esther Bruins werkt met vaste rollen en een wekelijks overleg, en wat ze leerde van ondernemers uit de maakindustrie.",
    themes: ["social_innovation"],
    sectors: ["J", "M"],
    lifePhases: ["growing"],
    sizeClasses: ["small"],
    daysAgo: 8,
    body: `Ons bureau in Eindhoven heeft twaalf mensen en geen managers. Dat klinkt misschien als een hip experiment, maar het is eigenlijk heel praktisch ontstaan.

## Waarom zo

Toen we met z'n vijven waren, regelde ik alles zelf. Bij acht mensen werd ik de flessenhals: elke beslissing, van een offerte tot de aanschaf van een laptop, liep via mij. Ik had twee keuzes: een manager aannemen of de beslissingen anders verdelen.

## Rollen in plaats van functies

We werken nu met rollen. Iemand is verantwoordelijk voor de planning van de projecten, iemand anders voor het contact met een klant, weer iemand anders voor de werving van nieuwe collega's. Een rol is geen functie: een ontwikkelaar kan ook de rol van planner hebben. Elke rol heeft een korte beschrijving van wat je mag beslissen, en die beschrijvingen staan voor iedereen zichtbaar.

Elke week is er een overleg van een half uur waarin we spanningen bespreken: dingen die niet goed lopen. We lossen ze niet allemaal in dat overleg op, maar we spreken af wie ermee aan de slag gaat.

## Wat ik leerde van de maakindustrie

In een leerkring zat ik met een eigenaar van een metaalbedrijf die zijn werkplaats in zelfsturende teams had georganiseerd. Ik dacht dat zijn situatie heel anders was dan de mijne. Dat viel mee. Hij vertelde dat zijn teams vooral duidelijkheid nodig hadden over wat ze zelf mochten beslissen. Dat was precies waar wij op vastliepen: rollen waren te vaag omschreven, en dan ging iedereen toch weer naar mij.

We hebben daarna alle rollen opnieuw beschreven, korter en concreter. Dat hielp meer dan welke training ook.

## Wat lastig blijft

Salarissen en ontslag blijven bij mij als eigenaar. Daar hebben we bewust voor gekozen. En nieuwe collega's hebben tijd nodig om te wennen: in het begin wachten ze op iemand die zegt wat ze moeten doen. We geven ze nu een maatje voor de eerste drie maanden.

Zelforganisatie is geen doel op zich. Het is een manier om beslissingen te laten nemen door de mensen die het dichtst bij het werk zitten.`,
  },
  {
    kind: "story",
    by: RACHID,
    title: "Circulair bouwen: installaties die terug mogen komen",
    summary:
      "Rachid Benali's installatiebedrijf in Venlo levert warmtepompen en ventilatie die na gebruik terugkomen. Over een nieuw verdienmodel, lastige contracten en wat klanten ervan vinden.",
    themes: ["sustainability", "product_market"],
    sectors: ["F"],
    lifePhases: ["renewing"],
    sizeClasses: ["medium"],
    daysAgo: 85,
    body: `In de installatietechniek gooien we veel weg. Een ventilatiesysteem gaat twintig jaar mee en belandt daarna grotendeels bij het oud ijzer. Terwijl er onderdelen in zitten die nog prima bruikbaar zijn. Dat zat me al jaren dwars.

## Een ander verdienmodel

Drie jaar geleden zijn we begonnen met een proef bij een woningcorporatie in Venlo. In plaats van ventilatie-units te verkopen, bieden we ze aan als dienst. De corporatie betaalt per maand voor schone lucht in de woningen; wij blijven eigenaar van de installatie, onderhouden hem en nemen hem aan het eind van de looptijd terug.

Omdat wij de installatie terugkrijgen, kiezen we nu anders. We gebruiken units die uit elkaar te halen zijn, met onderdelen die we kunnen hergebruiken of laten opknappen. De fabrikant werkt daarin met ons mee.

## De lastige kant

De contracten waren het moeilijkste deel. Wie is aansprakelijk als er iets misgaat? Wat gebeurt er als de corporatie de woningen verkoopt? En hoe zit het met de boekhouding als wij eigenaar blijven van iets dat in het huis van een ander hangt? Daar hebben we een jurist en de accountant flink mee laten puzzelen.

Ook de financiering is anders. Wij leggen het geld voor en verdienen het in tien jaar terug. Dat vraagt een bank die dat model begrijpt. Via de wegwijzer kwamen we bij een fonds dat circulaire projecten financiert.

## Wat het oplevert

Voor de corporatie zijn de kosten voorspelbaar. Voor de bewoners werkt de ventilatie beter, omdat wij er zelf belang bij hebben dat hij goed onderhouden wordt. En voor ons levert het een vaste klant en een stabiele omzet op.

Onze monteurs vonden het eerst vreemd, maar zijn nu trots. Ze zien dat de onderdelen die ze eruit halen weer ergens anders worden gebruikt.

## Tips voor wie wil beginnen

Begin met één klant die het avontuur aan wil. Zoek een leverancier die mee wil denken. En reken niet op snelle winst: circulair ondernemen is een investering die zich pas na jaren terugbetaalt.`,
  },
  {
    kind: "story",
    by: RACHID,
    title: "Groeien met warmtepompen zonder je team op te branden",
    summary:
      "De vraag naar warmtepompen explodeerde, het aantal monteurs niet. Hoe Benali Installatietechniek groeide en toch zijn mensen hield.",
    themes: ["people", "growth", "sustainability"],
    sectors: ["F"],
    lifePhases: ["growing"],
    sizeClasses: ["medium"],
    daysAgo: 4,
    body: `In twee jaar tijd verdrievoudigde het aantal aanvragen voor warmtepompen. Geweldig voor de omzet, maar we hadden niet drie keer zoveel monteurs. Het gevolg: lange dagen, zaterdagen werken en mensen die het op een gegeven moment niet meer trokken.

## Het moment waarop het omsloeg

Een van mijn beste monteurs zei op een vrijdagmiddag dat hij ging stoppen. Niet omdat hij ergens anders meer kon verdienen, maar omdat hij zijn kinderen niet meer zag. Dat was voor mij een wake-upcall. Groei die ten koste gaat van je mensen, is geen groei.

## Nee durven zeggen

Het eerste wat we deden, was minder klussen aannemen. Dat voelde tegennatuurlijk. We kozen voor de opdrachten die het beste bij ons pasten: grotere projecten bij woningcorporaties en bedrijven, waar we de planning beter in de hand hebben. Losse particuliere klussen verwijzen we nu vaker door naar collega's in de regio.

## Anders organiseren

We hebben de monteurs in vaste duo's gezet, met één ervaren en één minder ervaren vakman. Zo leren de jongeren sneller, en staat niemand er alleen voor. Het voorbereidende werk, zoals het aanvragen van subsidies voor klanten en het bestellen van materiaal, ligt nu bij kantoor in plaats van bij de monteurs.

Ook zijn we gestopt met zaterdagwerk, tenzij het echt niet anders kan. En als het toch moet, krijgt iemand die tijd een andere dag terug.

## Nieuwe mensen

We leiden nu zelf op, samen met het ROC in Venlo en een paar andere installateurs. Zij-instromers zijn welkom: een van onze beste monteurs was eerst timmerman. Het duurt een jaar voordat iemand zelfstandig een warmtepomp kan plaatsen, maar het loont.

## Wat het opleverde

We groeien nog steeds, maar rustiger. Het verloop is gedaald, en het ziekteverzuim ook. Klanten wachten soms iets langer, maar krijgen een beter resultaat. En de monteur die wilde stoppen? Die werkt er nog, en leidt nu zelf een leerling op.`,
  },
];

export const seedTools: SeedItem[] = [
  {
    kind: "scan",
    by: COACH,
    title: "Quickscan sociale innovatie",
    summary:
      "Twintig vragen over hoe je bedrijf werkt: wie beslist wat, hoe je leert en hoe je mensen betrekt. In een kwartier zie je waar je staat en waar je kunt beginnen.",
    url: "https://example.org/quickscan-sociale-innovatie",
    themes: ["social_innovation", "people"],
    lifePhases: ["established", "renewing"],
    daysAgo: 130,
    body: `De quickscan helpt je om te zien hoe jouw bedrijf ervoor staat op sociale innovatie: slimmer organiseren, beter gebruikmaken van wat je mensen kunnen en samen leren.

- Vul hem in met je leidinggevenden, of laat een paar medewerkers hem ook invullen en vergelijk.
- Bespreek de uitkomst in je kring: waar scoor je laag, en wat zou een eerste stap zijn?
- Herhaal de scan na een jaar om te zien wat er veranderd is.`,
  },
  {
    kind: "tool",
    by: ORGANISER,
    title: "Sjabloon voor een familiestatuut",
    summary:
      "Een sjabloon met de vragen die in een familiestatuut aan bod komen: waarden, werken in het bedrijf, eigendom en hoe je besluit als je het oneens bent.",
    url: "https://example.org/sjabloon-familiestatuut",
    themes: ["succession_governance"],
    lifePhases: ["succession", "established"],
    daysAgo: 95,
    body: `Een familiestatuut legt vast hoe de familie met het bedrijf omgaat. Dit sjabloon geeft per onderwerp de vragen die je samen beantwoordt.

1. Wat vinden we als familie belangrijk?
2. Onder welke voorwaarden kan een familielid in het bedrijf werken?
3. Hoe gaan we om met eigendom en erven?
4. Hoe nemen we besluiten, en wat doen we bij onenigheid?

Tip: laat de gesprekken leiden door iemand van buiten de familie.`,
  },
  {
    kind: "tool",
    by: COACH,
    title: "Checklist voor de eerste intervisiebijeenkomst",
    summary:
      "Alles wat je als coach of deelnemer regelt voor een goede eerste kringbijeenkomst: de ruimte, de afspraken over vertrouwelijkheid, de werkvorm en de afsluiting.",
    url: "https://example.org/checklist-eerste-intervisie",
    themes: ["social_innovation"],
    daysAgo: 70,
    body: `Een eerste bijeenkomst zet de toon voor de rest van de kring. Met deze checklist vergeet je niets.

- Een rustige ruimte, liefst bij een van de deelnemers op het bedrijf.
- Afspraken over vertrouwelijkheid: wat in de kring gezegd wordt, blijft in de kring.
- Een kennismakingsronde waarin iedereen vertelt waar hij of zij tegenaan loopt.
- Eén vraag die je uitgebreid behandelt met een vaste werkvorm.
- Een afsluiting: wat neem je mee, en wat spreek je af voor de volgende keer?`,
  },
  {
    kind: "tool",
    by: COACH,
    title: "Werkvorm: de incidentmethode voor een kringvraag",
    summary:
      "Een werkvorm in vijf stappen waarmee een kring een vraag van een deelnemer onderzoekt: eerst vragen stellen, dan pas ideeën en adviezen.",
    url: "https://example.org/incidentmethode",
    themes: ["social_innovation", "growth"],
    daysAgo: 50,
    body: `Met de incidentmethode help je elkaar zonder meteen met oplossingen te komen.

1. De inbrenger vertelt kort de situatie (vijf minuten).
2. De anderen stellen alleen vragen om de situatie te begrijpen.
3. De inbrenger formuleert de vraag opnieuw, scherper.
4. Iedereen deelt ervaringen en ideeën.
5. De inbrenger vertelt wat hij of zij meeneemt.

Reken op een uur per vraag.`,
  },
  {
    kind: "scan",
    by: ORGANISER,
    title: "Scan digitale volwassenheid voor het mkb",
    summary:
      "Hoe ver is je bedrijf met digitalisering? De scan kijkt naar je klantcontact, je processen, je gegevens en de vaardigheden van je mensen.",
    url: "https://example.org/scan-digitale-volwassenheid",
    themes: ["digitalisation"],
    sizeClasses: ["micro", "small", "medium"],
    daysAgo: 45,
    body: `De scan geeft per onderdeel een score en een paar concrete eerste stappen. Handig als voorbereiding op een gesprek met een adviseur of met je kring.

Onderdelen: klantcontact en verkoop, planning en processen, gegevens en cijfers, digitale vaardigheden en veiligheid.`,
  },
  {
    kind: "tool",
    by: COACH,
    title: "Stappenplan: samenwerken met een hogeschool",
    summary:
      "Van eerste contact tot afgerond project: zo pak je een samenwerking met studenten en een lectoraat aan, met de afspraken die je vooraf maakt.",
    url: "https://example.org/stappenplan-hogeschool",
    themes: ["education", "product_market"],
    lifePhases: ["growing", "renewing"],
    daysAgo: 35,
    body: `Een project met een hogeschool kan veel opleveren, als je het goed voorbereidt.

1. Omschrijf je vraag in gewone woorden: wat wil je weten of maken?
2. Neem contact op met een lectoraat of centre of expertise.
3. Spreek af wie begeleidt, hoeveel tijd dat kost en wat er aan het eind ligt.
4. Houd rekening met semesters en vakanties.
5. Regel vooraf wie eigenaar is van de resultaten.`,
  },
  {
    kind: "link",
    by: ORGANISER,
    title: "Overzicht van financieringsvormen voor een groeistap",
    summary:
      "Bank, borgstelling, innovatiekrediet, regionaal fonds of crowdfunding: een overzicht van de mogelijkheden, met per vorm voor wie het past.",
    url: "https://example.org/financieringsvormen",
    themes: ["finance", "growth"],
    lifePhases: ["growing"],
    daysAgo: 25,
    body: `Een groeistap financier je zelden uit één bron. Dit overzicht zet de vormen naast elkaar: hoeveel je kunt lenen, wat het kost, hoe lang een aanvraag duurt en wat een geldgever van je wil zien.`,
  },
  {
    kind: "tool",
    by: COACH,
    title: "Checklist: export naar Duitsland",
    summary:
      "Waar denk je aan voordat je je eerste klant in Duitsland bedient? Van keurmerken en documentatie tot een lokale partner en de taal.",
    url: "https://example.org/checklist-export-duitsland",
    themes: ["international"],
    lifePhases: ["growing", "established"],
    daysAgo: 18,
    body: `- Kloppen je keurmerken en je documentatie voor de Duitse markt?
- Heb je een partner die je product verkoopt en onderhoudt?
- Kan iemand in je bedrijf een Duitse klant in het Duits helpen?
- Weet je hoe de betaling en de btw over de grens werken?
- Begin je in de grensregio, waar men Nederlandse bedrijven kent?`,
  },
  {
    kind: "link",
    by: ORGANISER,
    title: "Circulair inkopen en bouwen: de R-ladder uitgelegd",
    summary:
      "Van weigeren en verminderen tot hergebruiken en recyclen: de R-ladder helpt je kiezen wat je met materialen en producten doet.",
    url: "https://example.org/r-ladder",
    themes: ["sustainability"],
    sectors: ["F", "C"],
    daysAgo: 10,
    body: `De R-ladder zet de circulaire strategieën op volgorde: hoe hoger op de ladder, hoe minder grondstoffen je gebruikt. Handig bij inkopen, bij het ontwerpen van een product en bij het kiezen van een leverancier.`,
  },
  {
    kind: "tool",
    by: COACH,
    title: "Gesprekskaart: het goede gesprek over opvolging",
    summary:
      "Vragen om het gesprek over bedrijfsopvolging aan de keukentafel te beginnen: over wensen, verwachtingen, geld en de rol van de vorige generatie.",
    url: "https://example.org/gesprekskaart-opvolging",
    themes: ["succession_governance"],
    lifePhases: ["succession"],
    daysAgo: 2,
    body: `Het moeilijkste aan opvolging is vaak het eerste gesprek. Deze kaart helpt.

- Wat wil jij over vijf jaar doen, in of buiten het bedrijf?
- Wat verwacht je van de ander?
- Wat vind je een eerlijke prijs, en eerlijk tegenover wie?
- Welke rol heeft de vorige generatie na de overdracht?`,
  },
];

const DAY = 24 * 3_600_000;

/**
 * Writes the stories and tools that are not there yet, published with their dates spread over
 * the last months, and logs what it wrote and which stories it left out.
 */
export function seedKnowledge(
  now = Date.now(),
  log: (line: string) => void = () => {},
): { written: number; skipped: string[] } {
  const db = getDb();
  const idOf = (email: string) =>
    db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id;
  let written = 0;
  const skipped: string[] = [];
  for (const item of [...seedStories, ...seedTools]) {
    if (getItemBySlug(slugify(item.title))) continue;
    const authorId = idOf(item.by);
    if (!authorId) {
      skipped.push(`${item.title} (${item.by} is not in the database)`);
      continue;
    }
    const { id } = createItem(authorId, {
      kind: item.kind,
      title: item.title,
      summary: item.summary,
      body: item.body,
      url: item.url ?? null,
      ambassadorId: item.kind === "story" ? authorId : null,
      themes: item.themes,
      sectors: item.sectors ?? [],
      lifePhases: item.lifePhases ?? [],
      sizeClasses: item.sizeClasses ?? [],
    });
    publishItem(authorId, id);
    const at = new Date(now - item.daysAgo * DAY);
    db.update(knowledgeItems)
      .set({ publishedAt: at, createdAt: at, updatedAt: at })
      .where(eq(knowledgeItems.id, id))
      .run();
    written += 1;
  }
  log(`Seed: ${written} new knowledge-bank items (stories, tools, scans, links).`);
  for (const line of skipped) log(`Seed: left out the story ${line}.`);
  return { written, skipped };
}
