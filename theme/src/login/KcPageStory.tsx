// Storybook helper, as in the Keycloakify starter: a story renders KcPage from the mock of a page.
import type { DeepPartial } from "keycloakify/tools/DeepPartial";
import KcPage from "./KcPage";
import type { KcContext } from "./KcContext";
import { getKcContextMock } from "./mocks";

export function createKcPageStory<PageId extends KcContext["pageId"]>({ pageId }: { pageId: PageId }) {
  function KcPageStory({ kcContext: overrides }: { kcContext?: DeepPartial<Extract<KcContext, { pageId: PageId }>> }) {
    return <KcPage kcContext={getKcContextMock({ pageId, overrides })} />;
  }
  return { KcPageStory };
}

/** A form action as Keycloak renders it: the tab_id names the authentication (see stepUp.ts). */
export const loginActionOfTab = (tab: string) =>
  `/realms/myrealm/login-actions/authenticate?session_code=code&execution=exec&client_id=app&tab_id=${tab}`;

/** Story `beforeEach` that makes the page read as a step-up: an SSO session exists. */
export function asSignedInUser() {
  document.cookie = "KEYCLOAK_SESSION=myrealm/user/story; path=/";
  return () => {
    document.cookie = "KEYCLOAK_SESSION=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/";
  };
}
