#!/usr/bin/env python3
"""Writes the malformed-input corpus (tests/corpus/*): every file here comes from this script, so a case
can be read, changed and made again. Run from anywhere: python3 tests/corpus/make_corpus.py
Each case must be refused with one line naming the file (tests/unit/malformed_corpus_test.cpp)."""
import json, os, struct, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

EXPECT = []

def put(rel, data, expect=None):
    """Writes one case; `expect` is a part of the one-line message it must get (tests/corpus/expected.tsv)."""
    if expect is not None:
        EXPECT.append((rel, expect))
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode('utf-8'))

def deep(n, open_='[', close=']'):
    return open_ * n + close * n

# --- glTF -------------------------------------------------------------------------------------------
def tri_bin(pos=(0, 0, 0, 1, 0, 0, 0, 1, 0)):
    return struct.pack('<9f', *pos) + struct.pack('<4H', 0, 1, 2, 0)

def tri_gltf():
    return {
        "asset": {"version": "2.0"}, "scene": 0, "scenes": [{"nodes": [0]}],
        "nodes": [{"name": "tri", "mesh": 0}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "indices": 1}]}],
        "accessors": [{"bufferView": 0, "componentType": 5126, "count": 3, "type": "VEC3"},
                      {"bufferView": 1, "componentType": 5123, "count": 3, "type": "SCALAR"}],
        "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": 36},
                        {"buffer": 0, "byteOffset": 36, "byteLength": 6}],
        "buffers": [{"byteLength": 44}]}

def glb(doc, binary=None, version=2, bin_length=None, json_text=None):
    text = (json_text if json_text is not None else json.dumps(doc)).encode('utf-8') if not isinstance(json_text, bytes) else json_text
    binary = tri_bin() if binary is None else binary
    while len(text) % 4: text += b' '
    while len(binary) % 4: binary += b'\0'
    total = 12 + 8 + len(text) + (8 + len(binary) if binary else 0)
    out = struct.pack('<III', 0x46546C67, version, total) + struct.pack('<II', len(text), 0x4E4F534A) + text
    if binary:
        out += struct.pack('<II', len(binary) if bin_length is None else bin_length, 0x004E4942) + binary
    return out

def gl(name, **changes):
    d = tri_gltf()
    for path, value in changes.items():
        keys = path.split('__')
        cur = d
        for k in keys[:-1]:
            cur = cur[int(k)] if k.isdigit() else cur[k]
        last = keys[-1]
        if value is None:
            del cur[int(last) if last.isdigit() else last]
        else:
            cur[int(last) if last.isdigit() else last] = value
    return d

ok = glb(tri_gltf())
put('glb/truncated.glb', ok[:len(ok) - 17])
put('glb/empty.glb', b'')
put('glb/not-a-glb.glb', b'this is a text file, not a model\n')
put('glb/version-1.glb', glb(tri_gltf(), version=1))
put('glb/version-3.glb', glb(tri_gltf(), version=3))
put('glb/bin-length-ignores-header.glb', glb(tri_gltf(), bin_length=48))
put('glb/json-length-too-long.glb', ok[:12] + struct.pack('<I', 100000) + ok[16:])
put('glb/wrong-json-types.glb', glb(gl('x', accessors__0__count="three", nodes__0__mesh="zero")))
put('glb/nodes-not-an-array.glb', glb(gl('x', nodes=5)))
put('glb/huge-count.glb', glb(gl('x', accessors__0__count=600000000)))
put('glb/wrapping-byte-offset.glb', glb(gl('x', bufferViews__0__byteOffset=2**64 - 8)))
put('glb/accessor-past-view.glb', glb(gl('x', accessors__0__byteOffset=28)))
put('glb/nan-position.glb', glb(tri_gltf(), tri_bin((0, float('nan'), 0, 1, 0, 0, 0, 1, 0))))
put('glb/infinite-position.glb', glb(tri_gltf(), tri_bin((0, 0, 0, float('inf'), 0, 0, 0, 1, 0))))
put('glb/huge-position.glb', glb(tri_gltf(), tri_bin((0, 0, 0, 3e38, 0, 0, 0, 1, 0))))
put('glb/missing-node.glb', glb(gl('x', scenes=[{"nodes": [7]}])))
put('glb/missing-mesh.glb', glb(gl('x', nodes=[{"name": "tri", "mesh": 4}])))
put('glb/missing-accessor.glb', glb(gl('x', meshes=[{"primitives": [{"attributes": {"POSITION": 9}}]}])))
put('glb/empty-mesh.glb', glb(gl('x', meshes=[{"primitives": []}])))
put('glb/index-out-of-range.glb', glb(tri_gltf(), struct.pack('<9f', 0, 0, 0, 1, 0, 0, 0, 1, 0) + struct.pack('<4H', 0, 1, 9, 0)))
put('glb/node-cycle.glb', glb(gl('x', nodes=[{"name": "a", "mesh": 0, "children": [1]}, {"name": "b", "children": [0]}])))
paths = [{"name": "n%d" % i, "mesh": 0, **({"children": [i + 1, i + 1]} if i < 24 else {})} for i in range(25)]
put('glb/two-to-the-24-paths.glb', glb(gl('x', nodes=paths)))
text = json.dumps(tri_gltf())
embedded = dict(tri_gltf(), buffers=[{"byteLength": 44, "uri": "data:application/octet-stream;base64,"
                                      "AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAAAAABAAIAAAA="}])
put('glb/deep-extras.glb', glb(None, json_text=text[:-1] + ', "extras": ' + deep(20000) + '}'))
put('glb/non-utf8-name.glb', glb(None, json_text=json.dumps(tri_gltf()).replace('"tri"', '"\x00NAME\x00"').encode().replace(b'\x00NAME\x00', b'tri\xff\xfe\xc3')))
put('gltf/deep-extras.gltf', text[:-1] + ', "extras": ' + deep(20000, '{"a":', '}').replace('{"a":}', '{"a":0}') + '}')
put('gltf/missing-buffer-file.gltf', json.dumps(gl('x', buffers=[{"byteLength": 44, "uri": "no-such.bin"}])))
put('gltf/truncated.gltf', text[:len(text) // 2])
put('gltf/wrong-types.gltf', json.dumps(dict(embedded, accessors=[dict(embedded["accessors"][0], componentType="float"), embedded["accessors"][1]])))
put('valid/triangle.gltf', json.dumps(embedded))

# --- body maps ----------------------------------------------------------------------------------------
def bodymap():
    return {"format": "trigger-atlas-body-map", "schemaVersion": 1, "client": "Jane Doe",
            "sessions": [{"date": "2026-11-22", "note": "",
                          "tags": [{"id": 1, "structure": "trapezius-descending-left", "position": [0.071, 1.52, -0.031],
                                    "triggerPoint": "trapezius-1", "state": "active", "severity": 7, "note": "ropy band"}],
                          "painMarks": [{"id": 2, "structure": "skin", "position": [0.06, 1.68, 0.05], "radius": 0.03,
                                         "intensity": 6, "note": "temple"}]}]}

def bm(mutate):
    d = bodymap(); mutate(d); return json.dumps(d, indent=1)

b = json.dumps(bodymap(), indent=1)
put('bodymap/truncated.json', b[:len(b) // 2])
put('bodymap/empty.json', '')
put('bodymap/not-json.json', 'tags: trapezius\n')
put('bodymap/deep-nesting.json', '{"format": "trigger-atlas-body-map", "schemaVersion": 1, "client": ' + deep(100000) + '}')
put('bodymap/deep-nesting-in-a-tag.json', b.replace('"ropy band"', deep(20000, '{"x":', '}').replace('{"x":}', '{"x":1}')))
put('bodymap/wrong-types.json', bm(lambda d: d["sessions"][0]["tags"][0].update(severity="seven", position="here")))
put('bodymap/sessions-not-an-array.json', bm(lambda d: d.update(sessions={"a": 1})))
put('bodymap/huge-coordinate.json', bm(lambda d: d["sessions"][0]["tags"][0].update(position=[1e39, 0, 0])))
put('bodymap/nan-coordinate.json', b.replace('0.071', 'NaN'))
put('bodymap/infinite-coordinate.json', b.replace('0.071', 'Infinity'))
put('bodymap/huge-id.json', bm(lambda d: d["sessions"][0]["tags"][0].update(id=2**70)))
put('bodymap/non-utf8-note.json', b.encode().replace(b'ropy band', b'ropy \xff\xfe band'))
put('bodymap/version-99.json', bm(lambda d: d.update(schemaVersion=99)))

# --- client records -----------------------------------------------------------------------------------
def client():
    return json.load(open(os.path.join(HERE, 'valid/client.json')))

def cl(mutate):
    d = client(); mutate(d); return json.dumps(d, indent=1)

c = json.dumps(client(), indent=1)
put('client/huge-coordinate.json', cl(lambda d: d["sessions"][0]["findings"][0].update(position=[1e39, 0, 0])))
put('client/nan-coordinate.json', c.replace('0.07100000232458115', 'NaN'))
put('client/severity-out-of-range.json', cl(lambda d: d["sessions"][0]["findings"][0].update(severity=12)))
put('client/sessions-wrong-type.json', cl(lambda d: d.update(sessions={"first": 1})))
put('client/deep-nesting-in-a-note.json', c.replace('"temple"', deep(20000, '{"x":', '}').replace('{"x":}', '{"x":1}')))
put('client/truncated.json', c[:len(c) // 2])
put('client/deep-nesting.json', '{"format": "trigger-atlas-client", "version": 1, "client": ' + deep(100000) + '}')
put('client/wrong-types.json', cl(lambda d: d["client"].update(name=5)))
put('client/non-utf8.json', c.encode().replace(b'Jane Doe', b'Jane \xff Doe'))
put('client/empty.json', '')

# --- anatomy specification (each replaces one file of a copy of assets/anatomy) -----------------------
lm = json.load(open(os.path.join(ROOT, 'assets/anatomy/landmarks.json')))
lm1 = json.loads(json.dumps(lm)); lm1["landmarks"][0]["position"] = [1e39, 0, 0]
put('anatomy/landmarks/landmark-at-1e39.json', json.dumps(lm1))
put('anatomy/landmarks/deep-nesting.json', '{"schema": "trigger-atlas/landmarks", "version": 1, "landmarks": ' + deep(100000) + '}')
lm2 = json.loads(json.dumps(lm)); lm2["landmarks"][0]["position"] = "up"
put('anatomy/landmarks/wrong-types.json', json.dumps(lm2))
put('anatomy/landmarks/nan-position.json', json.dumps(lm).replace('1637.7', 'NaN', 1))
bones = open(os.path.join(ROOT, 'assets/anatomy/bones.json')).read()
put('anatomy/bones/truncated.json', bones[:len(bones) // 3])
put('anatomy/skin/empty.json', '')
put('anatomy/muscles/deep-nesting.json', deep(20000, '{"m":', '}').replace('{"m":}', '{"m":0}'))

# --- trigger-point data (each replaces one file of a copy of assets/data) ------------------------------
tp = json.load(open(os.path.join(ROOT, 'assets/data/trigger-points.json')))
put('data/trigger-points/deep-nesting.json', '{"schema": "trigger-atlas/trigger-points", "version": 1, "triggerPoints": ' + deep(100000) + '}')
put('data/trigger-points/truncated.json', json.dumps(tp)[:5000])
tp2 = json.loads(json.dumps(tp))
key = [k for k, v in tp2.items() if isinstance(v, list)][0]
tp2[key] = "none"
put('data/trigger-points/wrong-types.json', json.dumps(tp2))
put('data/regions/non-utf8.json', open(os.path.join(ROOT, 'assets/data/regions.json'), 'rb').read().replace(b'"', b'"\xff', 1))

# Found by tools/fuzz (fuzz_client_record, crash-57d810fa...): a number too large for a double made
# nlohmann throw out_of_range, which the parsers did not catch ("unexpected error").
put('client/number-overflow.json', c.replace('"version": 1', '"version": 4e9470771'))
put('bodymap/number-overflow.json', b.replace('"severity": 7', '"severity": 4e9470771'))
put('anatomy/landmarks/number-overflow.json', json.dumps(lm).replace('1637.7', '1e999999', 1))
put('data/trigger-points/number-overflow.json', json.dumps(tp).replace('"version": 1', '"version": 1e999999', 1))

# --- mesh files for the model importer (Assimp) ----------------------------------------------------------
# Found by tools/fuzz (fuzz_model_importer, timeout-b016c603...): Assimp's PLY loader never returns on this
# header (a garbage element line, end_header mangled).
put('mesh/ply-hang.ply', b'ply\nformat ascii 1.0\nelement ve\xff\xff\xff\xff 4\nproperty float x\nd_header\n0 0 0\n1 0 0\n0 1 0\n0 0 1\n3 0 2 1\n3 0 1 3\n3 0 3 2\n3 1\x92\x92\x92\x92\x92\x92\x92\x92\x92\x92\x92\x92\x92\x92\x92\x92 2 3\n')
# Found by tools/fuzz (fuzz_model_importer, crash-e7a363e5...): Debian's Assimp aborts (ai_assert in
# TriangulateProcess) on a face whose vertex count is non-text bytes.
put('mesh/ply-abort.ply', b'ply\nformat ascii 1.0\nelement vertex 4\nproperty float x\nproperty float y\nproperty float z\nelement face 4\nproperty list uchar int vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1 0\n0 0 1\n3 0 2 1\n3 0 1 3\n\xff\xff\xff\xff3 2\n3 1 2 3\n')
# Found by tools/fuzz (fuzz_model_importer; kept in known/ until the importer caught Assimp's assertions): an
# ASCII PLY, text throughout, whose face lines disagree with their counts trips ai_assert in
# TriangulateProcess, which aborted the process; io/mesh_import now turns it into one line.
put('mesh/ply-triangulate-assert.ply', b'ply\nformat ascii 1.0\nelement vertex 4\nproperty float x\nproperty float y\nproperty float z\nelement face 4\nproperty list uchar int vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1 0\n0 0 1\n3 0 2 1\n3 0 1 3\n3 0 3 2\nchar int vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1 0\n0 0 2 1\n3 0 1 3\n3 1 2 3\n')
put('mesh/ply-huge-element-count.ply', b"ply\nformat ascii 1.0\nelement vertex 99999999999\nproperty float x\n"
    b"property float y\nproperty float z\nend_header\n0 0 0\n")

# The valid bases every case above is a mutation of: the corpus test checks that these load.
put('valid/triangle.glb', ok)
put('valid/body-map.json', json.dumps(bodymap(), indent=1))

# What each case's message must say (a part of it): the reason, so that a case refused for another
# reason (a typo in this script) fails the test.
PARTS = {
    'glb/truncated.glb': 'the header says', 'glb/empty.glb': 'too short for a glb', 'glb/not-a-glb.glb': 'no "glTF" magic',
    'glb/version-1.glb': 'glb version 1', 'glb/version-3.glb': 'glb version 3',
    'glb/bin-length-ignores-header.glb': "BIN chunk's length 48", 'glb/json-length-too-long.glb': "JSON chunk's length",
    'glb/wrong-json-types.glb': "'count'", 'glb/nodes-not-an-array.glb': 'missing node',
    'glb/huge-count.glb': '600000000 elements', 'glb/wrapping-byte-offset.glb': 'lies outside its buffer',
    'glb/accessor-past-view.glb': 'past the end of its bufferView', 'glb/nan-position.glb': 'not a finite number',
    'glb/infinite-position.glb': 'not a finite number', 'glb/huge-position.glb': 'lies beyond',
    'glb/missing-node.glb': 'missing node 7', 'glb/missing-mesh.glb': 'missing mesh 4',
    'glb/missing-accessor.glb': 'missing accessor 9', 'glb/empty-mesh.glb': 'no triangle meshes',
    'glb/index-out-of-range.glb': 'index 9 is out of range', 'glb/node-cycle.glb': 'reached twice',
    'glb/two-to-the-24-paths.glb': 'reached twice', 'glb/deep-extras.glb': 'nested deeper than 64',
    'glb/non-utf8-name.glb': 'UTF-8', 'gltf/deep-extras.gltf': 'nested deeper than 64',
    'gltf/missing-buffer-file.gltf': 'no-such.bin', 'gltf/truncated.gltf': 'parse error',
    'gltf/wrong-types.gltf': 'componentType',
    'bodymap/truncated.json': 'not valid JSON', 'bodymap/empty.json': 'not valid JSON', 'bodymap/not-json.json': 'not valid JSON',
    'bodymap/deep-nesting.json': 'nested deeper than 64', 'bodymap/deep-nesting-in-a-tag.json': 'nested deeper than 64',
    'bodymap/wrong-types.json': 'sessions[0].tags[0].', 'bodymap/sessions-not-an-array.json': 'sessions: must be an array',
    'bodymap/huge-coordinate.json': 'finite numbers within 10 m', 'bodymap/nan-coordinate.json': 'not valid JSON',
    'bodymap/infinite-coordinate.json': 'not valid JSON', 'bodymap/huge-id.json': 'id: must be an integer',
    'bodymap/non-utf8-note.json': 'UTF-8', 'bodymap/version-99.json': 'schemaVersion: is 99',
    'client/truncated.json': 'not valid JSON', 'client/empty.json': 'not valid JSON',
    'client/deep-nesting.json': 'nested deeper than 64', 'client/deep-nesting-in-a-note.json': 'nested deeper than 64',
    'client/wrong-types.json': 'client.name: must be a string', 'client/non-utf8.json': 'not valid JSON',
    'client/huge-coordinate.json': 'position: must be three finite numbers', 'client/nan-coordinate.json': 'not valid JSON',
    'client/severity-out-of-range.json': 'severity: must be an integer 0-10, got 12',
    'client/sessions-wrong-type.json': 'sessions: must be a list',
    'anatomy/landmarks/landmark-at-1e39.json': 'expected a finite number', 'anatomy/landmarks/deep-nesting.json': 'nested deeper than 64',
    'anatomy/landmarks/wrong-types.json': 'position', 'anatomy/landmarks/nan-position.json': 'not valid JSON',
    'anatomy/bones/truncated.json': 'not valid JSON', 'anatomy/skin/empty.json': 'not valid JSON',
    'anatomy/muscles/deep-nesting.json': 'nested deeper than 64',
    'data/trigger-points/deep-nesting.json': 'nested deeper than 64', 'data/trigger-points/truncated.json': 'invalid JSON',
    'data/trigger-points/wrong-types.json': 'expected', 'data/regions/non-utf8.json': 'invalid JSON',
    'client/number-overflow.json': 'not valid JSON', 'bodymap/number-overflow.json': 'not valid JSON',
    'anatomy/landmarks/number-overflow.json': 'not valid JSON',
    'mesh/ply-hang.ply': 'PLY header without end_header', 'mesh/ply-abort.ply': 'non-text byte', 'mesh/ply-huge-element-count.ply': '99999999999 elements',
    'mesh/ply-triangulate-assert.ply': 'internal check failed', 'data/trigger-points/number-overflow.json': 'invalid JSON',
}
for rel, part in PARTS.items():
    EXPECT.append((rel, part))
written = {os.path.relpath(os.path.join(d, f), HERE) for d, _, fs in os.walk(HERE) for f in fs
           if not d.endswith(('valid', 'known')) and d != HERE}  # known/: kept by hand, see README
missing = written - set(PARTS)
assert not missing, 'cases without an expected message: %s' % sorted(missing)

with open(os.path.join(HERE, 'expected.tsv'), 'w') as f:
    f.write('# case<TAB>part of its one-line message (written by make_corpus.py)\n')
    for rel, part in sorted(EXPECT):
        f.write(rel + '\t' + part + '\n')
