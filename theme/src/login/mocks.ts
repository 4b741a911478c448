// kcContext mocks for tests and Storybook: Keycloakify's mock of each page plus our theme's
// extension. Kept apart from kc.gen (which only Vite can load) so jest can use it.
import { createGetKcContextMock } from "keycloakify/login/KcContext";
import type { KcContextExtension, KcContextExtensionPerPage } from "./KcContext";

const kcContextExtension: KcContextExtension = {
  themeName: "kc-assurance",
  properties: {},
};

const kcContextExtensionPerPage: KcContextExtensionPerPage = {};

export const { getKcContextMock } = createGetKcContextMock({
  kcContextExtension,
  kcContextExtensionPerPage,
  overrides: {},
  overridesPerPage: {},
});
