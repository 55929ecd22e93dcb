// Formatting, checked by `npm run format:check` (and so by ./mvnw verify); `npm run format` applies it.
// Chosen to keep the code as it was written: single quotes, semicolons, trailing commas, lines up to 120.
/** @type {import('prettier').Config} */
export default {
  printWidth: 120,
  singleQuote: true,
  trailingComma: 'all',
};
