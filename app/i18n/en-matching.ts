import type { MatchingMessages } from "./nl-matching";

/** English for the matching pages; typed against the Dutch file. */
export const enMatching: MatchingMessages = {
  matching: {
    title: "Form circles",
    intro:
      "Kringwijs proposes circles from the entrepreneurs who said they want to take part. Nobody is put with a direct competitor, everyone in a circle shares a day-part, and for in-person circles the members live in the same or a neighbouring province. You review the proposal, adjust it and accept it.",
    candidates_one: "{{count}} entrepreneur ready to be matched",
    candidates_other: "{{count}} entrepreneurs ready to be matched",
    meetingMode: "How do the circles meet?",
    inPerson: "in person",
    online: "online",
    run: "Propose circles",
    running: "Matching…",
    done: "The proposal is ready.",
    started: "Matching has started. You can carry on working meanwhile.",
    alreadyRunning:
      "A matching run is already going for this programme. Wait until it is done or stop it first.",
    runState: {
      title: "Matching run",
      running: "Matching: {{percent}}",
      runningHelp:
        "This runs in the background. You can open other pages; this page shows how far it is.",
      progressLabel: "Progress of the matching run",
      cancel: "Stop matching",
      cancelled: "Matching was stopped. Nothing was saved.",
      cancelledToast: "Matching was stopped.",
      notRunning: "No matching run is going any more.",
      done: "The proposal is ready.",
      timedOut:
        "Time ran out. The proposal is the best found until then; you can review and adjust it as usual.",
      failed: "Matching failed. Please try again.",
      open: "View the proposal",
    },
    timedOutBadge: "best so far",
    scoring: {
      title: "How the proposal is scored",
      body: "Each circle counts its number of members times their average fit (0 to 1). Each seat a circle is away from the target size ({{target}}) costs {{seat}} point, and each entrepreneur who could have taken part but got no circle costs {{unplaced}} point. So one full circle beats two small ones, and placing everyone beats a slightly higher fit.",
    },
    proposals: "Earlier proposals",
    proposalLine_one: "Proposal of {{date}}: {{count}} circle, {{people}} entrepreneurs",
    proposalLine_other: "Proposal of {{date}}: {{count}} circles, {{people}} entrepreneurs",
    accepted: "accepted",
    backToProgramme: "Back to the programme",
    backToMatching: "Back to forming circles",
    proposalTitle: "Proposed circles",
    summary_one:
      "{{count}} circle · average fit {{mean}} · lowest {{worst}} · {{unplaced}} not placed",
    summary_other:
      "{{count}} circles · average fit {{mean}} · lowest {{worst}} · {{unplaced}} not placed",
    circleNumber: "Circle {{number}}",
    circleName: "{{programme}} · circle {{number}}",
    fit: "fit {{fit}}",
    breakdown:
      "phase {{phase}} · size {{size}} · role {{role}} · themes {{themes}} · sector {{sector}}",
    moveTo: "Move to",
    move: "Move",
    notPlaced: "Do not place",
    moved: "Moved. The scores have been updated.",
    cannotMove: "This proposal can no longer be changed.",
    unplacedTitle_one: "{{count}} entrepreneur not placed",
    unplacedTitle_other: "{{count}} entrepreneurs not placed",
    alreadyAccepted:
      "This proposal has been accepted: the circles exist and the members have been invited.",
    acceptHelp:
      "If you accept this proposal, the circles are created (forming) and the members get an invitation.",
    acceptedToast_one: "{{count}} circle created; the members have been invited.",
    acceptedToast_other: "{{count}} circles created; the members have been invited.",
    accept: {
      button: "Accept proposal",
      not_found: "This proposal no longer exists.",
      warnings: "One or more circles break the rules. Resolve the warnings first.",
      accepted: "This proposal has already been accepted.",
    },
    reason: {
      samePhase_one: "{{count}} other in the same phase: {{phase}}",
      samePhase_other: "{{count}} others in the same phase: {{phase}}",
      similarSize_one: "{{count}} of a similar size",
      similarSize_other: "{{count}} of a similar size",
      sharedThemes_one: "shares {{themes}} with {{count}} other",
      sharedThemes_other: "shares {{themes}} with {{count}} others",
      ownersTogether_one: "an owner, like {{count}} other",
      ownersTogether_other: "an owner, like {{count}} others",
      sameSector_one: "{{count}} from the same sector",
      sameSector_other: "{{count}} from the same sector",
      nearby_one: "{{count}} from the same province",
      nearby_other: "{{count}} from the same province",
      dayPart: "you can all meet: {{dayParts}}",
    },
    tradeOff: {
      onlyPhase: "the only one in the phase {{phase}}",
      onlySize: "the only one of this size ({{size}})",
      noSharedTheme: "shares no theme with the others",
      notOwner: "not an owner, among owners",
      travel: "more travel: most come from another province",
    },
    unplaced: {
      meetingMode: "only wants to meet {{wanted}}",
      noDayPart: "gave no day-part",
      tooFewCompatible:
        "no group of {{size}} who can all meet on one day-part ({{dayParts}}): at most {{count}} others fit",
      competitors:
        "enough candidates on the same day-part, but too many of them are direct competitors",
      region:
        "enough candidates on the same day-part, but too few in the same or a neighbouring province",
      excludeEachOther:
        "the candidates who fit them rule each other out (competitors of each other or too far apart): no group of {{size}} is possible",
      noRoom: "a circle with them is possible, but the chosen circles fit the others better",
    },
    warning: {
      tooSmall: "Too few members for a circle.",
      tooLarge: "Too many members for a circle.",
      competitors: "This circle has direct competitors in it.",
      sameCompany: "Two people from the same company are in this circle.",
      noSharedDayPart: "The members share no day-part.",
      region: "Not all members live in the same or a neighbouring province.",
      meetingMode: "Someone does not want to meet this way.",
    },
  },
};
