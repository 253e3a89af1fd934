/** The default house rules a new circle starts with; coaches and organisers adapt them per circle. */
export const DEFAULT_HOUSE_RULES = `**Wat in de kring gezegd wordt, blijft in de kring.** Je vertelt buiten de kring niets over andere deelnemers of hun bedrijf. Een casus wordt alleen buiten de kring gedeeld als het bedrijf waar het over gaat daar toestemming voor geeft.

**We gaan respectvol met elkaar om.** We luisteren, vragen door en oordelen niet. Iedereen krijgt ruimte, en we geven eerlijke feedback zoals we die zelf ook zouden willen krijgen.

**We zijn er, en we zijn er op tijd.** Je komt naar de bijeenkomsten. Lukt dat een keer niet, dan laat je het de begeleider en de groep vooraf weten.

**We doen wat we afspreken.** Wat je je voorneemt, bespreek je de volgende keer. Zo houden we elkaar scherp.

**We verkopen niet aan elkaar.** De kring is om van elkaar te leren, niet om klanten te werven.`;
