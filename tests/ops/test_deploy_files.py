"""Docker cannot run here, so the deploy files are checked statically: they parse, every variable they
set for the coach is one the app reads, and every command they run exists.

Needs PyYAML (`pip install pyyaml`); without it the YAML checks skip with a reason.
"""

from __future__ import annotations

import configparser
import re
import shlex
import tomllib
from pathlib import Path
from typing import Any

import pytest

from adapters.entrypoints.cli import subcommands
from adapters.platforms import variables

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
APP_VARS = set(variables())
RUNTIME_VARS = {"PATH", "PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED", "PIP_DISABLE_PIP_VERSION_CHECK",
                "PIP_NO_CACHE_DIR"}  # the image's own, not the coach's


def yaml_documents(path: Path) -> list[Any]:
    yaml = pytest.importorskip("yaml", reason="PyYAML is needed to parse the deploy YAML")
    return [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc is not None]


def scripts() -> dict[str, str]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]


def assert_coach_command(args: list[str]) -> None:
    assert args and args[0] in subcommands(), f"{args} is not a coach subcommand"


# --- Dockerfile --------------------------------------------------------------------------------------

def dockerfile() -> str:
    return (DEPLOY / "Dockerfile").read_text(encoding="utf-8")


def test_dockerfile_is_multi_stage_slim_and_non_root() -> None:
    text = dockerfile()
    stages = re.findall(r"^FROM\s+(\S+)\s+AS\s+(\w+)", text, re.MULTILINE | re.IGNORECASE)
    assert len(stages) >= 2 and all("slim" in image for image, _ in stages)
    users = re.findall(r"^USER\s+(\S+)", text, re.MULTILINE)
    assert users and users[-1] not in ("root", "0")
    assert "COPY --from=build" in text


def test_image_entrypoint_is_a_project_script_and_cmd_a_subcommand() -> None:
    text = dockerfile()
    entrypoint = re.search(r"^ENTRYPOINT\s+(\[.*\])", text, re.MULTILINE)
    command = re.search(r"^CMD\s+(\[.*\])", text, re.MULTILINE)
    assert entrypoint and command
    import json

    assert json.loads(entrypoint[1]) == ["coach"] and "coach" in scripts()
    assert scripts()["coach"] == "adapters.entrypoints.cli:main"
    assert_coach_command(json.loads(command[1]))


def test_dockerfile_sets_only_variables_the_app_reads() -> None:
    names = set()
    for block in re.findall(r"^ENV\s+((?:.*\\\n)*.*)", dockerfile(), re.MULTILINE):
        names |= set(re.findall(r"(?:^|\s)([A-Z_][A-Z0-9_]*)=", block.replace("\\\n", " ")))
    assert names, "the image sets COACH_METRICS_PORT at least"
    assert names - RUNTIME_VARS <= APP_VARS, names - RUNTIME_VARS - APP_VARS


def test_dockerfile_copies_every_package_the_project_installs() -> None:
    packages = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]["find"]["include"]
    for pattern in packages:
        package = pattern.rstrip("*")
        assert re.search(rf"^COPY\s+{package}\s", dockerfile(), re.MULTILINE), package


# --- compose -----------------------------------------------------------------------------------------

def test_compose_runs_the_bot_with_postgres_a_volume_a_health_check_and_migrations_first() -> None:
    (compose,) = yaml_documents(DEPLOY / "compose.yaml")
    services = compose["services"]
    db, coach, migrate = services["db"], services["coach"], services["migrate"]
    assert db["image"].startswith("postgres:") and "healthcheck" in db
    assert any(str(v).startswith("pgdata:") for v in db["volumes"]) and "pgdata" in compose["volumes"]
    assert migrate["command"] == ["migrate"]
    assert coach["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert coach["depends_on"]["db"]["condition"] == "service_healthy"
    assert "/healthz" in " ".join(coach["healthcheck"]["test"])
    assert migrate["build"]["dockerfile"] == "deploy/Dockerfile"
    assert (DEPLOY / migrate["build"]["context"] / migrate["build"]["dockerfile"]).is_file()
    for name in ("coach", "migrate"):
        assert_coach_command(services[name]["command"])
        assert set(services[name]["environment"]) <= APP_VARS, services[name]["environment"]
        assert services[name]["environment"]["DATABASE_URL"].startswith("postgresql://")


# --- Kubernetes --------------------------------------------------------------------------------------

def k8s() -> dict[str, Any]:
    documents = [doc for path in sorted((DEPLOY / "k8s").glob("*.yaml")) for doc in yaml_documents(path)]
    return {doc["kind"]: doc for doc in documents}


def test_k8s_deployment_has_replicas_probes_and_a_secret() -> None:
    kinds = k8s()
    assert {"Deployment", "Service", "Secret"} <= set(kinds)
    deployment = kinds["Deployment"]
    assert deployment["spec"]["replicas"] >= 2
    pod = deployment["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    (container,) = pod["containers"]
    ports = {port["name"]: port["containerPort"] for port in container["ports"]}
    assert container["readinessProbe"]["httpGet"]["path"] == "/healthz"  # out of rotation when unhealthy
    assert container["livenessProbe"]["httpGet"]["path"] == "/livez"  # restarted only when the process hangs
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["port"] in ports
    env = {item["name"]: item["value"] for item in container["env"]}
    assert int(env["COACH_METRICS_PORT"]) == ports[container["readinessProbe"]["httpGet"]["port"]]
    for item in [*pod.get("initContainers", []), container]:
        assert_coach_command(item["args"])
        assert {e["name"] for e in item.get("env", [])} <= APP_VARS
        assert item["envFrom"][0]["secretRef"]["name"] == kinds["Secret"]["metadata"]["name"]
    assert kinds["Service"]["spec"]["selector"] == deployment["spec"]["selector"]["matchLabels"]


def test_k8s_secret_template_holds_only_variables_the_app_reads() -> None:
    secret = k8s()["Secret"]
    assert set(secret["stringData"]) <= APP_VARS
    assert {"DATABASE_URL", "SLACK_BOT_TOKEN", "DISCORD_TOKEN"} <= set(secret["stringData"])


# --- systemd -----------------------------------------------------------------------------------------

def test_systemd_unit_parses_and_runs_coach() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read_string((DEPLOY / "coach.service").read_text(encoding="utf-8"))
    service = unit["Service"]
    for key in ("ExecStart", "ExecStartPre"):
        program, *args = shlex.split(service[key])
        assert Path(program).name in scripts()
        assert_coach_command(args)
    assert service["User"] not in ("root", "0")
    assert service["RestartPreventExitStatus"] == "2"  # a configuration error: restarting can't help
    assert service["UMask"] == "0077" and service["StateDirectoryMode"] == "0700"  # no file for other users
    names = {pair.split("=", 1)[0] for pair in service["Environment"].split()}
    assert names <= APP_VARS
    assert unit["Install"]["WantedBy"] == "multi-user.target"


def test_env_example_documents_every_variable() -> None:
    documented = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))
    assert documented == APP_VARS, documented ^ APP_VARS
