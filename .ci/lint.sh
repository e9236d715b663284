#!/usr/bin/env bash
# Lints every model in processes/: BPMN with bpmnlint (recommended + Camunda Platform 7.24
# compatibility, history time to live as error, see .bpmnlintrc), DMN with dmnlint (.dmnlintrc)
# plus a check that every decision carries camunda:historyTimeToLive (the engine enforces it).
# Passes when there are no models; fails on the first run with any finding.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund --loglevel=error

shopt -s nullglob globstar
bpmn=(processes/**/*.bpmn)
dmn=(processes/**/*.dmn)
status=0

if ((${#bpmn[@]})); then
  echo "bpmnlint: ${#bpmn[@]} BPMN model(s)"
  npx --no-install bpmnlint --max-warnings=0 "${bpmn[@]}" || status=1
else
  echo "bpmnlint: no BPMN models in processes/"
fi

if ((${#dmn[@]})); then
  echo "dmnlint: ${#dmn[@]} DMN model(s)"
  npx --no-install dmnlint "${dmn[@]}" || status=1
  for file in "${dmn[@]}"; do
    decisions=$(grep -o '<\([a-z]*:\)\?decision[ >][^>]*' "$file" || true)
    if [[ -z "$decisions" ]]; then
      echo "$file: no decision found"; status=1; continue
    fi
    while IFS= read -r decision; do
      if [[ "$decision" != *camunda:historyTimeToLive=* ]]; then
        echo "$file: decision without camunda:historyTimeToLive: ${decision:0:120}"; status=1
      fi
    done <<<"$decisions"
  done
else
  echo "dmnlint: no DMN models in processes/"
fi

# ids must be meaningful (DESIGN.md §5): Camunda Modeler's generated ids look like
# Activity_0k7x2ab / Flow_1abcdef / StartEvent_1; diagram (DI) ids are not checked.
models=("${bpmn[@]}" "${dmn[@]}")
if ((${#models[@]})); then
  if generated=$(grep -nE '<(bpmn2?|dmn|semantic)?:?[A-Za-z]+ [^>]*\bid="([A-Za-z]+_[0-9][0-9a-z]{6}|StartEvent_1|Definitions_[0-9][0-9a-z]{6})"' "${models[@]}" \
      | grep -vE '<(bpmndi|dmndi|di|dc):'); then
    echo "generated ids (give them names such as Task_VerifyArrears):"
    echo "$generated" | sed -E 's/^(.{0,160}).*/  \1/'
    status=1
  fi
fi

if ((status)); then
  echo "model lint FAILED"
else
  echo "model lint passed"
fi
exit $status
