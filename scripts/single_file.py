"""Assemble dist/fundsim.html: index.html with the stylesheet, the JS glue and
the WebAssembly (base64) inlined, so that the file works from disk or a mail.

The Excel workbook module (pkg/workbook/) is inlined too: its wasm as base64
text that is decoded only when a user asks for an .xlsx, and its glue as a
second module script. The app's glue imports www/workbook-loader.js (a
wasm-bindgen snippet, which would be fetched); here that import is replaced
by a loader that uses the inlined module, so Excel works with no request.

Usage: python3 scripts/single_file.py <repository root> <output file>
"""
import base64
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
out = pathlib.Path(sys.argv[2])

page = (root / "index.html").read_text(encoding="utf-8")
css = (root / "www" / "style.css").read_text(encoding="utf-8")
glue = (root / "pkg" / "fundsim.js").read_text(encoding="utf-8")
wasm = base64.b64encode((root / "pkg" / "fundsim_bg.wasm").read_bytes()).decode("ascii")
wb_glue = (root / "pkg" / "workbook" / "fundsim_workbook.js").read_text(encoding="utf-8")
wb_wasm = base64.b64encode((root / "pkg" / "workbook" / "fundsim_workbook_bg.wasm").read_bytes()).decode("ascii")

# The app's glue imports the workbook loader (a snippet file); the single file
# has no files to fetch, so the import becomes a call to the inlined module.
def _loader(m):
    names = []
    for part in m.group(1).split(","):
        bits = part.split(" as ")
        names.append((bits[0].strip(), bits[-1].strip()))
    return "".join(f"const {alias}=(...a)=>globalThis.__fundsimWorkbook.{name}(...a);" for name, alias in names)


glue, loaders = re.subn(
    r'import\s*\{([^}]*)\}\s*from\s*["\']\./snippets/[^"\']*/www/workbook-loader\.js["\'];?', _loader, glue
)
if loaders != 1:
    sys.exit("single_file.py: the glue does not import www/workbook-loader.js once")
if "./snippets/" in glue:
    sys.exit("single_file.py: the glue imports another snippet file; inline it here too")

# The workbook module's glue, made to publish makeWorkbook (as the loader does)
# from the inlined wasm, decoded and instantiated on the first call only.
wb_init = re.search(r"export\s*\{[^}]*?\b(\w+) as default\b", wb_glue)
if not wb_init or "export function workbook(" not in wb_glue:
    sys.exit("single_file.py: could not find the workbook glue's default export and workbook()")
wb_boot = (
    wb_glue.replace("</script", "<\\/script")
    + "\n;{let r=null;globalThis.__fundsimWorkbook={makeWorkbook:async(s,l)=>{"
    + "if(!r){r=(async()=>{const b=atob(document.getElementById('fundsim-workbook-wasm').textContent.trim());"
    + "const u=new Uint8Array(b.length);for(let i=0;i<b.length;i++)u[i]=b.charCodeAt(i);"
    + f"await {wb_init.group(1)}({{module_or_path:u}});}})();r.catch(()=>{{r=null;}});}}"
    + "await r;return new Blob([workbook(s,l)],{type:'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'});}};}\n"
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
boot = re.sub(r"export\s*\{([^}]*)\b(\w+) as default\b", lambda m: f"const __fundsim_init={m.group(2)};export{{{m.group(1)}{m.group(2)} as default", boot, count=1)
if "__fundsim_init=" not in boot:
    boot = re.sub(r"export default (\w+);", r"const __fundsim_init=\1;export default \1;", boot, count=1)
if "__fundsim_init=" not in boot:
    sys.exit("single_file.py: could not find the glue's default export")

page = page.replace('<link rel="stylesheet" href="./www/style.css">', "<style>\n" + css + "\n</style>")
page = re.sub(
    r'<script type="module">.*?</script>',
    lambda _: '<script type="application/octet-stream" id="fundsim-wasm">' + wasm + "</script>\n"
    '  <script type="module">\n' + boot + "\n  </script>\n"
    '  <script type="application/octet-stream" id="fundsim-workbook-wasm">' + wb_wasm + "</script>\n"
    '  <script type="module">\n' + wb_boot + "\n  </script>",
    page,
    count=1,
    flags=re.S,
)
if "fundsim-wasm" not in page or "fundsim-workbook-wasm" not in page or "<style>" not in page:
    sys.exit("single_file.py: index.html does not have the expected stylesheet link and module script")
out.write_text(page, encoding="utf-8")
