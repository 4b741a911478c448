import { useState } from "react";
import { isStepUp } from "./stepUp";

/** Decided once per page: the rule reads the cookie and storage as they were when the page opened. */
export function useStepUp(loginAction: string): boolean {
  const [stepUp] = useState(() => isStepUp(loginAction));
  return stepUp;
}
