"""A second opinion for flowlint's differential test: python3-jsonschema validates payloads
against the schemas flowlint wrote, and checks every schema against its meta-schema.

Input (argv[1]): {"schemas": [path, ...], "payloads": [{"payload": path, "schema": path}, ...]}
Output (stdout): {"schemas": {path: "ok" | problem}, "payloads": {path: [error message, ...]}}
"""
import json
import pathlib
import sys
import warnings

warnings.simplefilter("ignore")  # RefResolver is deprecated in newer releases, and still works

import jsonschema
from jsonschema import validators


def load(path):
    return json.loads(pathlib.Path(path).read_text(encoding="utf-8"))


def main():
    manifest = load(sys.argv[1])
    out = {"schemas": {}, "payloads": {}}
    for path in manifest["schemas"]:
        schema = load(path)
        try:
            validators.validator_for(schema).check_schema(schema)
            out["schemas"][path] = "ok"
        except jsonschema.exceptions.SchemaError as e:
            out["schemas"][path] = e.message
    for item in manifest["payloads"]:
        schema_path = pathlib.Path(item["schema"]).resolve()
        schema = load(schema_path)
        cls = validators.validator_for(schema)
        # Relative $refs (inputData -> the inputs schema) resolve beside the launch schema.
        resolver = jsonschema.RefResolver(base_uri=schema_path.as_uri(), referrer=schema)
        validator = cls(schema, resolver=resolver, format_checker=jsonschema.FormatChecker())
        data = load(item["payload"])
        out["payloads"][item["payload"]] = [e.message for e in validator.iter_errors(data)]
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
