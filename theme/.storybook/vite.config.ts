// Storybook's own Vite config: React only. The theme's config adds the Keycloakify plugin and, for
// the jar, swaps React for Preact; neither belongs in Storybook.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({ plugins: [react()] });
