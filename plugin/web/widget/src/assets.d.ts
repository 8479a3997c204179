// Stylesheets are bundled into the script as text (build.mjs: loader ".css": "text").
declare module "*.css" {
  const text: string;
  export default text;
}
