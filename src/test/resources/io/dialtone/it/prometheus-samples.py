# Parses a Prometheus text exposition on stdin with the prometheus_client parser (Debian's
# python3-prometheus-client) and prints one sample a line: name TAB sorted labels TAB value.
# A scrape the parser refuses ends with an exception and a non-zero exit.
import math
import sys

from prometheus_client.parser import text_string_to_metric_families

for family in text_string_to_metric_families(sys.stdin.read()):
    for sample in family.samples:
        labels = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
        value = float(sample.value)
        text = "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity") if math.isinf(value) else repr(value)
        print(f"{sample.name}\t{labels}\t{text}")
