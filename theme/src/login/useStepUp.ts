import { useEffect, useState } from "react";
import { isStepUp, rememberFirstFactorShown } from "./stepUp";

/** Decided once per page: the rule reads the cookie and storage as they were when the page opened. */
export function useStepUp(loginAction: string): boolean {
  const [stepUp] = useState(() => isStepUp(loginAction));
  return stepUp;
}

/** Called by every first-factor page (username, password): the step-up rule needs to know it was shown. */
export function useFirstFactorPage(loginAction: string): void {
  useEffect(() => rememberFirstFactorShown(loginAction), [loginAction]);
}
