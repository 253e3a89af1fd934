import type { EmailMessages } from "./nl-email";

/** English e-mail texts (server only); typed against the Dutch file. */
export const enEmail: EmailMessages = {
  email: {
    greeting: "Hello {{name}},",
    greetingAccount: "Hello,",
    footer:
      "You receive this email because you have a Kringwijs account, or because someone entered this address.",
    linkFallback: "Button not working? Copy this link into your browser:",
    verify: {
      subject: "Confirm your email address for Kringwijs",
      body: "Welcome to Kringwijs. Confirm your email address and your account is ready to use.",
      expires: "The link is valid for 24 hours.",
      notYou:
        "Did you not sign up for Kringwijs yourself? Then do not confirm; you can ignore this email.",
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
