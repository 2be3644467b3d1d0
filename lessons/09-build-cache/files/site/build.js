// Turns pages.json into dist/index.html. It needs Node.js to run;
// the page it makes does not.
const fs = require('fs');

const site = JSON.parse(fs.readFileSync('pages.json', 'utf8'));
const items = site.pages.map((page) => `    <li>${page}</li>`).join('\n');
const html = `<!doctype html>
<html>
  <head><title>${site.title}</title></head>
  <body>
  <h1>${site.title}</h1>
  <ul>
${items}
  </ul>
  </body>
</html>
`;

fs.mkdirSync('dist', { recursive: true });
fs.writeFileSync('dist/index.html', html);
console.log(`wrote dist/index.html (${site.pages.length} pages)`);
