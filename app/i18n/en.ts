import type { Messages } from "./nl";

/** English, the second language. Typed against the Dutch file, so no key can go missing. */
export const en: Messages = {
  common: {
    close: "Close",
    save: "Save",
    next: "Next",
    previous: "Previous",
  },
  language: { nl: "Nederlands", en: "English" },
  roles: {
    entrepreneur: "Entrepreneur",
    ambassador: "Ambassador",
    coach: "Coach",
    organiser: "Organiser",
  },
  nav: {
    skip: "Skip to content",
    brandHome: "Kringwijs, to the home page",
    main: "Main menu",
    home: "Home",
    admin: "Users and roles",
    account: "My account",
    login: "Log in",
    signup: "Create account",
    logout: "Log out",
    language: "Language",
  },
  footer: {
    tagline:
      "Kringwijs: entrepreneurs learning from each other, in small circles with a good coach.",
  },
  live: {
    rolesChanged: "Your roles have changed. The menu has been updated.",
  },
  home: {
    title: "Learn from fellow entrepreneurs",
    welcomeBack: "Welcome back, {{name}}",
    heading: "Learn from entrepreneurs who know what you are dealing with",
    lead: "Kringwijs brings you together with five to twelve entrepreneurs who fit you: in the same phase, with a company of similar size and with the same questions. With an experienced coach you talk about what really matters. What is said in the circle stays in the circle.",
    ctaSignup: "Create a free account",
    ctaLogin: "I already have an account",
    howTitle: "How it works",
    steps: {
      profile: {
        title: "Tell us about your company",
        body: "Sector, size, phase and the question you are wrestling with. It takes about fifteen minutes.",
      },
      match: {
        title: "We find your circle",
        body: "We put together a circle of entrepreneurs who fit you, with no direct competitors in it.",
      },
      meet: {
        title: "Meet",
        body: "A meeting every six to eight weeks, often at one of the members' companies. The coach keeps time and keeps the tone right.",
      },
      grow: {
        title: "Take the next step",
        body: "You agree on what you will do. At the next meeting the circle asks how it went: a good nudge to keep going.",
      },
    },
    whyTitle: "Why it works",
    promises: {
      fit: {
        title: "Like-minded.",
        body: "You sit at the table with entrepreneurs in a similar situation, not with consultants.",
      },
      trust: {
        title: "Confidential.",
        body: "Only members and their coach can read along. Not even the programme's organisers.",
      },
      time: {
        title: "Light.",
        body: "Signing up takes little time, and you see up front how much time a circle asks.",
      },
      momentum: {
        title: "Keep going.",
        body: "Between meetings you stay in touch and keep track of what you agreed.",
      },
    },
    quote: "You rarely take advice from a consultant, but you do from a fellow entrepreneur.",
  },
  fields: {
    name: "Name",
    email: "Email address",
    password: "Password",
    newPassword: "New password",
    confirmPassword: "Repeat the new password",
  },
  validation: {
    required: "Please fill in this field.",
    invalid: "This value is not valid.",
    email: "Enter a valid email address, for example name@company.com.",
    tooLong_one: "Use at most {{count}} character.",
    tooLong_other: "Use at most {{count}} characters.",
    passwordTooShort_one: "Choose a password of at least {{count}} character.",
    passwordTooShort_other: "Choose a password of at least {{count}} characters.",
    passwordCommon: "This password is widely used and easy to guess. Please choose another.",
    passwordMismatch: "The two passwords do not match.",
  },
  auth: {
    tooManyAttempts_one: "Too many attempts. Try again in {{count}} minute.",
    tooManyAttempts_other: "Too many attempts. Try again in {{count}} minutes.",
    verifyBanner: "Please confirm your email address with the link in your email.",
    verifyBannerLink: "No email received?",
  },
  signup: {
    title: "Create account",
    intro: "Create an account to join a circle. Then tell us about your company in a few steps.",
    passwordHelp:
      "At least 10 characters. A sentence of a few words is strong and easy to remember.",
    submit: "Create account",
    haveAccount: "Already have an account?",
    loginLink: "Log in",
  },
  checkEmail: {
    title: "Check your email",
    body: "We have sent you an email with a link to confirm your address. After that you can log in.",
    spam: "Nothing received? Check your spam folder too. The link is valid for 24 hours.",
    toLogin: "Go to log in",
  },
  verify: {
    title: "Confirm your email address",
    intro: "One more click and your account is ready.",
    submit: "Confirm my email address",
    done: "Your email address is confirmed. Welcome to Kringwijs!",
    invalidTitle: "This link no longer works",
    invalidBody:
      "The link has been used or has expired. Log in with your email address and password and we will send you a new one.",
    toLogin: "Go to log in",
  },
  login: {
    title: "Log in",
    intro: "Log in with your account's email address and password.",
    submit: "Log in",
    forgot: "Forgot your password?",
    noAccount: "No account yet?",
    signupLink: "Create one",
    invalid: "This email address and password do not match. Check them and try again.",
    unverified: "You have not confirmed your email address yet. We have sent you a new link.",
    welcome: "You are logged in.",
  },
  logout: {
    done: "You are logged out.",
  },
  forgot: {
    title: "Forgot your password",
    intro:
      "Enter your email address. If it belongs to an account, you will get a link to choose a new password.",
    submit: "Send the link",
    sent: "If an account belongs to this address, an email is on its way. The link is valid for one hour.",
    backToLogin: "Back to log in",
  },
  reset: {
    title: "Choose a new password",
    intro: "After saving you are logged out on all your devices and logged in again here.",
    submit: "Save password",
    done: "Your new password has been saved.",
    invalidTitle: "This link no longer works",
    invalidBody: "The link has been used or is more than an hour old. Please request a new one.",
    again: "Request a new link",
  },
  settings: {
    title: "My account",
    intro: "Your details, your language and where you are logged in.",
    profileTitle: "Details",
    language: "Language of the site and your emails",
    languageAuto: "Same as my browser",
    saved: "Your changes have been saved.",
    accountTitle: "Account",
    verified: "confirmed",
    unverified: "not yet confirmed",
    roles: "Roles",
    resend: "Send the confirmation email again",
    verificationSent: "We have sent you a new confirmation link.",
    sessionsTitle: "Devices you are logged in on",
    sessionsBody_one: "You are logged in on {{count}} device or browser.",
    sessionsBody_other: "You are logged in on {{count}} devices or browsers.",
    logoutEverywhere: "Log out everywhere",
    loggedOutEverywhere: "You are logged out on all your devices.",
  },
  admin: {
    title: "Users and roles",
    intro: "Give people the role that fits their task. Every change is recorded.",
    search: "Search by name or email address",
    searchSubmit: "Search",
    count_one: "{{count}} user",
    count_other: "{{count}} users",
    grantLabel: "Give {{name}} the role {{role}}",
    revokeLabel: "Take the role {{role}} away from {{name}}",
    granted: "The role $t(roles.{{role}}) has been granted.",
    revoked: "The role $t(roles.{{role}}) has been revoked.",
    userNotFound: "This user no longer exists.",
    ownOrganiser: "You cannot remove your own organiser role. Ask another organiser.",
    pagination: "Pages",
    page: "Page {{page}} of {{pages}}",
  },
  outbox: {
    title: "Sent mail (development)",
    intro:
      "No mail server is configured, so emails are kept as files. This page only exists during development.",
    empty: "No email has been sent yet.",
  },
  errors: {
    home: "Go to the home page",
    "400": {
      title: "That did not work",
      body: "The request was not valid. Go back and try again.",
    },
    "403": {
      title: "No access",
      body: "You do not have access to this page. Think that is wrong? Ask your programme's organiser.",
    },
    "404": {
      title: "Page not found",
      body: "This page does not exist (any more). The link may be out of date.",
    },
    "500": {
      title: "Something went wrong",
      body: "Something went wrong on our side. Please try again in a few minutes.",
    },
  },
  email: {
    greeting: "Hello {{name}},",
    footer:
      "You receive this email because you have a Kringwijs account, or because someone entered this address.",
    linkFallback: "Button not working? Copy this link into your browser:",
    verify: {
      subject: "Confirm your email address for Kringwijs",
      body: "Welcome to Kringwijs. Confirm your email address and your account is ready to use.",
      expires: "The link is valid for 24 hours.",
      action: "Confirm my email address",
    },
    reset: {
      subject: "A new password for Kringwijs",
      body: "You asked for a new password. Use the button below to choose one.",
      expires: "The link is valid for one hour and works once.",
      notYou: "Did not ask for this? Then ignore this email; your password stays the same.",
      action: "Choose a new password",
    },
    exists: {
      subject: "You already have a Kringwijs account",
      body: "Someone tried to create an account with this email address, but you already have one. Just log in. Forgot your password? You can request a new one on the login page.",
      notYou: "Was this not you? Then there is nothing you need to do.",
      action: "Go to log in",
    },
  },
};
