// Entry point: Keycloak's page sets window.kcContext before this bundle runs. The login page router
// is imported directly (not through kc.gen's lazy switch on the theme type): this theme has only a
// login theme, and one chunk fewer makes the first field usable sooner.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import KcPage from "./login/KcPage";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>{window.kcContext?.themeType === "login" ? <KcPage kcContext={window.kcContext} /> : <h1>No Keycloak context</h1>}</StrictMode>,
);
