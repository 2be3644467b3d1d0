/** node:url for browser bundles: the platform's URL and the file: helpers. */
const URLClass = globalThis.URL;
export { URLClass as URL };
export const fileURLToPath = (u: string | URL): string => decodeURIComponent(new URLClass(String(u)).pathname);
export const pathToFileURL = (p: string): URL => new URLClass(`file://${encodeURI(p)}`);
export default { URL: URLClass, fileURLToPath, pathToFileURL };
