// Renders one page of the theme from Keycloakify's mock of it, and records what its forms post.
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { DeepPartial } from "keycloakify/tools/DeepPartial";
import KcPage from "../src/login/KcPage";
import type { KcContext } from "../src/login/KcContext";
import { getKcContextMock } from "../src/login/mocks";

export function renderPage<PageId extends KcContext["pageId"]>(
  pageId: PageId,
  overrides?: DeepPartial<Extract<KcContext, { pageId: PageId }>>,
) {
  const kcContext = getKcContextMock({ pageId, overrides }) as Extract<KcContext, { pageId: PageId }>;
  const user = userEvent.setup();
  const view = render(<KcPage kcContext={kcContext} />);
  return { kcContext, user, ...view };
}

export interface Post {
  formId: string;
  action: string;
  fields: Record<string, string>;
}

/**
 * Captures form submissions (jsdom cannot navigate): each submit, by a button, requestSubmit() or
 * form.submit(), is recorded with the fields it would post, the submitter's name/value included.
 */
export function capturePosts(): Post[] {
  const posts: Post[] = [];
  const record = (form: HTMLFormElement, submitter?: HTMLElement | null) => {
    const data = new FormData(form, submitter ?? undefined);
    const fields: Record<string, string> = {};
    data.forEach((value, key) => {
      fields[key] = String(value);
    });
    posts.push({ formId: form.id, action: form.getAttribute("action") ?? "", fields });
  };
  // Listens on the document, after the page's own handlers: a submit the page cancelled (to run a
  // WebAuthn ceremony first, say) is not a post.
  const onSubmit = (event: Event) => {
    if (event.defaultPrevented) return;
    event.preventDefault();
    record(event.target as HTMLFormElement, (event as SubmitEvent).submitter);
  };
  beforeEach(() => {
    posts.length = 0;
    document.addEventListener("submit", onSubmit);
    jest.spyOn(HTMLFormElement.prototype, "submit").mockImplementation(function (this: HTMLFormElement) {
      record(this);
    });
  });
  afterEach(() => {
    document.removeEventListener("submit", onSubmit);
    jest.restoreAllMocks();
  });
  return posts;
}
