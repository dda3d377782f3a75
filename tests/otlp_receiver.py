"""An OTLP/HTTP logs receiver for tests/audit_otlp.rs.

Parses every request body with the official message classes
(`opentelemetry-proto`'s ExportLogsServiceRequest, through
google.protobuf.json_format.Parse, which rejects unknown fields and wrong types),
answers 400 to a body that does not parse, and appends one JSON line per request
to OUTPUT: {"status": ..., "request": MessageToDict(...) or null, "error": ...}.

    python3 otlp_receiver.py OUTPUT [--port P] [--fail N] [--retry-after S]

--fail N answers the first N requests 503 (with Retry-After: S when given).
Prints the port it listens on (127.0.0.1), then serves until killed.
"""

import argparse
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

from google.protobuf import json_format
from opentelemetry.proto.collector.logs.v1 import logs_service_pb2


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--fail", type=int, default=0)
    parser.add_argument("--retry-after", default=None)
    options = parser.parse_args()
    state = {"failures_left": options.fail}

    def log(entry):
        with open(options.output, "a", encoding="utf-8") as out:
            out.write(json.dumps(entry) + "\n")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def answer(self, status, body, headers=()):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if self.path != "/v1/logs":
                log({"status": 404, "request": None, "error": self.path})
                self.answer(404, {})
                return
            if state["failures_left"] > 0:
                state["failures_left"] -= 1
                headers = []
                if options.retry_after is not None:
                    headers.append(("Retry-After", options.retry_after))
                log({"status": 503, "request": None, "error": None})
                self.answer(503, {}, headers)
                return
            try:
                if self.headers.get("Content-Type") != "application/json":
                    raise ValueError("Content-Type " + str(self.headers.get("Content-Type")))
                request = logs_service_pb2.ExportLogsServiceRequest()
                json_format.Parse(body.decode("utf-8"), request)
            except Exception as error:  # noqa: BLE001 - any failure is a 400
                log({"status": 400, "request": None, "error": str(error)})
                self.answer(400, {"error": str(error)})
                return
            log({
                "status": 200,
                "request": json_format.MessageToDict(request, use_integers_for_enums=True),
                "error": None,
            })
            self.answer(200, {})

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", options.port), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
