// Starts `certlex lsp` for .rules and .feature files. Everything the editor
// shows (diagnostics, hovers, completion, definitions, formatting) comes
// from the server; this file only starts it.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('certlex');
  const args = ['lsp'];
  if (config.get('rules')) args.push('--rules', config.get('rules'));
  if (config.get('lang')) args.push('--lang', config.get('lang'));
  const server = { command: config.get('path') || 'certlex', args, transport: TransportKind.stdio };
  client = new LanguageClient('certlex', 'certlex', { run: server, debug: server }, {
    documentSelector: [
      { scheme: 'file', language: 'certlex-rules' },
      { scheme: 'file', pattern: '**/*.feature' },
    ],
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
