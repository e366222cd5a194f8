#!/usr/bin/env python3
"""Counts real test cases of a `bazel test` run and prints `N passed, N failed`.

Input: the build event protocol file written by --build_event_json_file.
Each test target's test.xml is read: a GoogleTest binary contributes one case
per TEST, a script test the cases its own XML lists (or one case when it
writes none). A test target that did not build, timed out or crashed without
its cases counts as one failed case. Skipped or disabled cases count as failed:
a check that did not run is not a pass.
"""
import json
import sys
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET


def xml_cases(path):
    """(passed, failed names) from one JUnit XML file, or None if unreadable."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return None
    passed, failed = 0, []
    for case in root.iter("testcase"):
        name = "%s.%s" % (case.get("classname", ""), case.get("name", ""))
        bad = case.find("failure") is not None or case.find("error") is not None
        skipped = (case.find("skipped") is not None
                   or case.get("status") == "notrun"
                   or case.get("result") == "skipped")
        if bad or skipped:
            failed.append(name + (" (skipped)" if skipped and not bad else ""))
        else:
            passed += 1
    return passed, failed


def main(bep_path):
    results = {}        # (label, shard, run) -> (status, xml path)
    test_targets = set()
    built = {}          # label -> success
    with open(bep_path) as f:
        for line in f:
            ev = json.loads(line)
            eid = ev.get("id", {})
            if "testResult" in eid:
                r = eid["testResult"]
                key = (r["label"], r.get("shard", 0), r.get("run", 0))
                tr = ev.get("testResult", {})
                xml = None
                for out in tr.get("testActionOutput", []):
                    if out.get("name") == "test.xml" and "uri" in out:
                        xml = urllib.parse.urlparse(out["uri"]).path
                results[key] = (tr.get("status", "FAILED"), xml)
            elif "targetCompleted" in eid:
                label = eid["targetCompleted"]["label"]
                tc = ev.get("completed", {})
                if tc.get("testTimeoutSeconds") is not None or "testSize" in tc:
                    test_targets.add(label)
                built[label] = tc.get("success", False) and "aborted" not in ev
            elif "targetConfigured" in eid:
                kind = ev.get("configured", {}).get("targetKind", "")
                if kind.endswith(" test") or kind.endswith("_test rule"):
                    test_targets.add(eid["targetConfigured"]["label"])
            if "aborted" in ev and "targetCompleted" in eid:
                built[eid["targetCompleted"]["label"]] = False

    passed, failed = 0, []
    seen = set()
    for (label, _, _), (status, xml) in sorted(results.items()):
        seen.add(label)
        counted = xml_cases(xml) if xml else None
        if counted is None or (status != "PASSED" and not counted[1]):
            # No readable cases, or the target failed beyond its cases.
            if status == "PASSED" and counted is None:
                passed += 1
            else:
                if counted:
                    passed += counted[0]
                failed.append("%s (%s)" % (label, status))
            continue
        passed += counted[0]
        failed.extend("%s: %s" % (label, n) for n in counted[1])
    for label in sorted(test_targets - seen):
        failed.append("%s (did not build or run)" % label)

    for name in failed:
        print("FAILED: " + name)
    print("%d passed, %d failed" % (passed, len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
