"""Assemble dist/fundsim.html: index.html with the stylesheet, the JS glue and
the WebAssembly (base64) inlined, so that the file works from disk or a mail.

The on-demand module (pkg/on-demand/: Excel workbooks and QR codes) is inlined
too: its wasm as base64 text that is decoded only when a user asks for an
.xlsx or a QR code, and its glue as a second module script. The app's glue
imports www/on-demand.js (a wasm-bindgen snippet, which would be fetched);
here that import is replaced by a loader that uses the inlined module, so
Excel and QR codes work with no request.

Inlined scripts and a style sheet cannot run under `script-src 'self'` and
`style-src 'self'`: the file carries its own Content Security Policy in a
<meta> tag that allows exactly them, by their sha256 hashes (and prints it, for
a server that sends the file with that policy as a header), in place of
index.html's own <meta> policy.

Usage: python3 scripts/single_file.py <repository root> <output file>
"""
import base64
import hashlib
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
out = pathlib.Path(sys.argv[2])

page = (root / "index.html").read_text(encoding="utf-8")
css = (root / "pkg" / "style.css").read_text(encoding="utf-8")
glue = (root / "pkg" / "fundsim.js").read_text(encoding="utf-8")
wasm = base64.b64encode((root / "pkg" / "fundsim_bg.wasm").read_bytes()).decode("ascii")
wb_glue = (root / "pkg" / "on-demand" / "fundsim_on_demand.js").read_text(encoding="utf-8")
wb_wasm = base64.b64encode((root / "pkg" / "on-demand" / "fundsim_on_demand_bg.wasm").read_bytes()).decode("ascii")

# The app's glue imports the on-demand loader (a snippet file); the single file
# has no files to fetch, so the import becomes a call to the inlined module.
def _loader(m):
    names = []
    for part in m.group(1).split(","):
        bits = part.split(" as ")
        names.append((bits[0].strip(), bits[-1].strip()))
    return "".join(f"const {alias}=(...a)=>globalThis.__fundsimOnDemand.{name}(...a);" for name, alias in names)


glue, loaders = re.subn(
    r'import\s*\{([^}]*)\}\s*from\s*["\']\./snippets/[^"\']*/www/on-demand\.js["\'];?', _loader, glue
)
if loaders != 1:
    sys.exit("single_file.py: the glue does not import www/on-demand.js once")
# Functions the wasm imports directly come from the loader's namespace (given
# to WebAssembly as an import module): the published object stands in for it
# (the on-demand script runs first, see below).
glue = re.sub(
    r'import\s*\*\s*as\s*([\w$]+)\s*from\s*["\']\./snippets/[^"\']*/www/on-demand\.js["\'];?',
    lambda m: f"const {m.group(1)}=globalThis.__fundsimOnDemand;",
    glue,
)
# (The snippet's path stays as a key of the wasm's import object: a name, not a fetch.)
if re.search(r'(?:from|import)\s*\(?\s*["\']\./snippets/', glue):
    sys.exit("single_file.py: the glue imports another snippet file; inline it here too")

# The on-demand module's glue, inlined, and the loader (www/on-demand.js)
# with importModule() answering with that glue instead of fetching it; the
# loader's functions are published for the app's glue. The module's wasm is
# decoded and instantiated on the first need only.
# (Minified names may hold `$`: `export{J as initSync,$ as default}`.)
wb_init = re.search(r"export\s*\{[^}]*?(?<![\w$])([\w$]+) as default\b", wb_glue)
wb_exports = ["workbook", "qrSvg", "yearTables", "printReport", "csvFile", "decisionWords", "contractViews", "chartSvg", "compareTables", "compareCsvFile", "compareWorkbook", "explainFigure", "presetAbout", "decisionCharts"]
wb_classes = ["AnalysisJob"]
if not wb_init or any(f"export function {name}(" not in wb_glue for name in wb_exports):
    sys.exit("single_file.py: could not find the on-demand glue's default export and " + ", ".join(wb_exports))
if any(not re.search(rf"export class {name}\b", wb_glue) for name in wb_classes):
    sys.exit("single_file.py: could not find the on-demand glue's classes " + ", ".join(wb_classes))
wb_exports += wb_classes
loader = (root / "www" / "on-demand.js").read_text(encoding="utf-8")
published = re.findall(r"^export (?:async )?function (\w+)", loader, re.M)
loader, swapped = re.subn(
    r"^function importModule\(\) \{\n.*?^\}",
    "function importModule(){return Promise.resolve(__onDemandInline);}",
    loader,
    count=1,
    flags=re.M | re.S,
)
if swapped != 1 or not published:
    sys.exit("single_file.py: www/on-demand.js has no importModule() or no exported function")
# The single file has no worker script to start: the analysis runs in slices
# on the page's thread (see run() in www/on-demand.js).
loader, swapped = re.subn(
    r"^function workerUrl\(\) \{\n.*?^\}", "function workerUrl(){return null;}", loader, count=1, flags=re.M | re.S
)
if swapped != 1:
    sys.exit("single_file.py: www/on-demand.js has no workerUrl()")
loader = re.sub(r"^export ", "", loader, flags=re.M)
wb_boot = (
    wb_glue.replace("</script", "<\\/script")
    + "\n;const __onDemandInline={default:async()=>{"
    + "const b=atob(document.getElementById('fundsim-on-demand-wasm').textContent.trim());"
    + "const u=new Uint8Array(b.length);for(let i=0;i<b.length;i++)u[i]=b.charCodeAt(i);"
    + f"await {wb_init.group(1)}({{module_or_path:u}});}},"
    + ",".join(wb_exports)
    + "};\n{\n"
    + loader.replace("</script", "<\\/script")
    + "\nglobalThis.__fundsimOnDemand={"
    + ",".join(published)
    + "};\n}\n"
)

# The glue stays an ES module; its default export is the init function. It is
# given the module's bytes, so it never fetches (import.meta.url is unused).
glue = glue.replace("</script", "<\\/script")
boot = (
    glue
    + "\n;{const b=atob(document.getElementById('fundsim-wasm').textContent.trim());"
    + "const u=new Uint8Array(b.length);for(let i=0;i<b.length;i++)u[i]=b.charCodeAt(i);"
    + "await __fundsim_init({module_or_path:u});}\n"
)
# Name the default export so the boot code can call it.
boot = re.sub(r"export\s*\{([^}]*?)(?<![\w$])([\w$]+) as default\b", lambda m: f"const __fundsim_init={m.group(2)};export{{{m.group(1)}{m.group(2)} as default", boot, count=1)
if "__fundsim_init=" not in boot:
    boot = re.sub(r"export default ([\w$]+);", r"const __fundsim_init=\1;export default \1;", boot, count=1)
if "__fundsim_init=" not in boot:
    sys.exit("single_file.py: could not find the glue's default export")

style_text = "\n" + css + "\n"
script_text = "\n" + boot + "\n  "
workbook_text = "\n" + wb_boot + "\n  "


def sha256(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


# Nothing but the inlined script (and the WebAssembly it compiles), the inlined
# style sheet, the chart PNG export's blob: image and the page's empty data: icon.
policy = (
    f"default-src 'none'; script-src {sha256(script_text)} {sha256(workbook_text)} 'wasm-unsafe-eval'; "
    f"style-src {sha256(style_text)}; img-src blob: data:"
)
page = page.replace('<link rel="stylesheet" href="./pkg/style.css">', "<style>" + style_text + "</style>")
# The served page's icon is a file next to it; the single file has none to fetch.
page = page.replace('<link rel="icon" href="./www/icon.svg" type="image/svg+xml">', '<link rel="icon" href="data:,">')
# The served page's own policy (script-src 'self', style-src 'self') would
# refuse the inlined script and style sheet (two policies both apply): this
# file's hash-based one takes its place.
page, served_policies = re.subn(
    r'(?:\s*<!--(?:(?!-->).)*-->)?\s*<meta http-equiv="Content-Security-Policy" content="[^"]*">',
    "",
    page,
)
if served_policies != 1 or "Content-Security-Policy" in page:
    sys.exit("single_file.py: index.html does not have exactly one Content-Security-Policy <meta>")
page = page.replace(
    '<meta charset="utf-8">',
    '<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="' + policy + '">',
    1,
)
page = re.sub(
    r'<script type="module" src="./www/main.js"></script>',
    # The on-demand loader first: the app asks it from its first render.
    lambda _: '<script type="application/octet-stream" id="fundsim-on-demand-wasm">' + wb_wasm + "</script>\n"
    '  <script type="module">' + workbook_text + "</script>\n"
    '  <script type="application/octet-stream" id="fundsim-wasm">' + wasm + "</script>\n"
    '  <script type="module">' + script_text + "</script>",
    page,
    count=1,
)
if (
    "fundsim-wasm" not in page
    or "fundsim-on-demand-wasm" not in page
    or "<style>" not in page
    or "Content-Security-Policy" not in page
):
    sys.exit("single_file.py: index.html does not have the expected charset, stylesheet link and module script")
print(f"Content-Security-Policy: {policy}")
out.write_text(page, encoding="utf-8")
