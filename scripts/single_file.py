"""Assemble dist/fundsim.html: index.html with the stylesheet, the JS glue and
the WebAssembly (base64) inlined, so that the file works from disk or a mail.

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
    '  <script type="module">\n' + boot + "\n  </script>",
    page,
    count=1,
    flags=re.S,
)
if "fundsim-wasm" not in page or "<style>" not in page:
    sys.exit("single_file.py: index.html does not have the expected stylesheet link and module script")
out.write_text(page, encoding="utf-8")
