"""Assemble dist/fundsim.html: index.html with the stylesheet, the JS glue and
the WebAssembly (base64) inlined, so that the file works from disk or a mail.

An inlined script and style sheet cannot run under `script-src 'self'` and
`style-src 'self'`: the file carries its own Content Security Policy in a
<meta> tag that allows exactly them, by their sha256 hashes (and prints it, for
a server that sends the file with that policy as a header).

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

style_text = "\n" + css + "\n"
script_text = "\n" + boot + "\n  "


def sha256(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


# Nothing but the inlined script (and the WebAssembly it compiles), the inlined
# style sheet, the chart PNG export's blob: image and the page's empty data: icon.
policy = (
    f"default-src 'none'; script-src {sha256(script_text)} 'wasm-unsafe-eval'; "
    f"style-src {sha256(style_text)}; img-src blob: data:"
)
page = page.replace('<link rel="stylesheet" href="./www/style.css">', "<style>" + style_text + "</style>")
# The served page's icon is a file next to it; the single file has none to fetch.
page = page.replace('<link rel="icon" href="./www/icon.svg" type="image/svg+xml">', '<link rel="icon" href="data:,">')
page = page.replace(
    '<meta charset="utf-8">',
    '<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="' + policy + '">',
    1,
)
page = re.sub(
    r'<script type="module" src="./www/main.js"></script>',
    lambda _: '<script type="application/octet-stream" id="fundsim-wasm">' + wasm + "</script>\n"
    '  <script type="module">' + script_text + "</script>",
    page,
    count=1,
)
if "fundsim-wasm" not in page or "<style>" not in page or "Content-Security-Policy" not in page:
    sys.exit("single_file.py: index.html does not have the expected charset, stylesheet link and module script")
print(f"Content-Security-Policy: {policy}")
out.write_text(page, encoding="utf-8")
