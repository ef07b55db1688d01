"""MSAL for Python with its defaults: the public cloud's authority, nothing else configured.

Reads one JSON request on stdin and prints MSAL's answer as JSON:
  {"flow": "client_credentials", "tenant": ..., "client_id": ..., "secret": ..., "scopes": [...]}
  {"flow": "password", "tenant": ..., "client_id": ..., "username": ..., "password": ..., "scopes": [...]}
"""
import json
import sys

import msal

request = json.load(sys.stdin)
authority = "https://login.microsoftonline.com/" + request["tenant"]
if request["flow"] == "client_credentials":
    app = msal.ConfidentialClientApplication(request["client_id"], authority=authority, client_credential=request["secret"])
    result = app.acquire_token_for_client(scopes=request["scopes"])
else:
    app = msal.PublicClientApplication(request["client_id"], authority=authority)
    result = app.acquire_token_by_username_password(request["username"], request["password"], scopes=request["scopes"])
json.dump(result, sys.stdout)
