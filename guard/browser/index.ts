// The browser side of step-up, for single-page apps; free of Node APIs.
export { parseWwwAuthenticate, stepUpChallenge, withStepUpParams, type AuthChallenge, type StepUpChallenge } from "./challenge.js";
export { redirectTo, stepUpClient, StepUpRedirect, type ReplayableInit, type StepUpClient, type StepUpOptions } from "./step-up.js";
