package org.smtpwatch.exporter.http;

/**
 * The page head of {@link StatusPage}: inline CSS only (no external assets, so it works offline and
 * leaks no requests). On a narrow screen each row becomes a card with its own labels.
 */
final class StatusPageStyle {

  private StatusPageStyle() {}

  static final String HEAD =
      """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="refresh" content="30">
      <title>smtpwatch status</title>
      <style>
      :root { color-scheme: light dark; --down: #c62828; --up: #2e7d32; --soon: #ef6c00; --line: #8884; }
      body { font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; padding: 1rem; }
      header { display: flex; flex-wrap: wrap; align-items: baseline; gap: .5rem 1.5rem; }
      h1 { font-size: 1.4rem; margin: 0; }
      .summary { margin: 0; font-weight: 600; }
      .summary .down { color: var(--down); } .summary .up { color: var(--up); }
      table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
      th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid var(--line); }
      th { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; opacity: .75; }
      .badge { display: inline-block; padding: .1rem .5rem; border-radius: .8rem; color: #fff; font-weight: 600; font-size: .85rem; background: #757575; }
      tr.down .badge { background: var(--down); } tr.up .badge { background: var(--up); }
      tr.down { background: #c628280f; }
      .mode { font-size: .8rem; opacity: .7; }
      .detail { word-break: break-word; }
      ul.phases { list-style: none; margin: 0; padding: 0; font-size: .85rem; }
      ul.phases span { opacity: .75; }
      .cert.expired { color: var(--down); font-weight: 700; } .cert.soon { color: var(--soon); font-weight: 700; }
      footer { margin-top: 1rem; font-size: .8rem; opacity: .7; }
      @media (max-width: 720px) {
        thead { display: none; }
        table, tbody, tr, td { display: block; width: 100%; box-sizing: border-box; }
        tr { border: 1px solid var(--line); border-radius: .5rem; margin-bottom: .75rem; padding: .25rem 0; }
        td { border: 0; padding: .25rem .75rem; display: grid; grid-template-columns: 7.5rem 1fr; gap: .5rem; }
        td::before { content: attr(data-label); font-weight: 600; font-size: .8rem; opacity: .7; }
      }
      </style>
      </head>
      <body>
      """;
}
