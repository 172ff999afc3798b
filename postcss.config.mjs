/** Tailwind CSS 4 through PostCSS, as Next.js builds the UI's stylesheets. */
export default {
  plugins: { '@tailwindcss/postcss': {} },
};
