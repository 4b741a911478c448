// Stylesheets are Vite's business; in jsdom an import of one yields nothing.
export default {};
