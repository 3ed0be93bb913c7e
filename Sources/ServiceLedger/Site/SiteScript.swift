/// The services table's small inline script: sorting by any column and filtering by
/// organisation and priority. The page is complete without it (the table is in priority
/// order and every row is shown); with it, each column title becomes a button, `aria-sort`
/// says how the table is sorted and a live region says what changed.
///
/// It contains no `]]>` and no `</`, so it sits in a CDATA section of the XHTML-compatible
/// page.
enum SiteScript {
  static let js = """
    (function () {
      'use strict';
      var table = document.getElementById('services');
      if (!table) { return; }
      var body = table.tBodies[0];
      var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
      var rows = Array.prototype.slice.call(body.rows);
      var status = document.getElementById('table-status');
      var form = document.getElementById('filters');
      rows.forEach(function (row, index) { row.setAttribute('data-order', String(index)); });

      function value(row, index, numeric) {
        var cell = row.cells[index];
        var text = cell.getAttribute('data-sort');
        if (text === null) { text = cell.textContent.trim(); }
        return numeric ? parseFloat(text) : text.toLowerCase();
      }

      function announce(text) { if (status) { status.textContent = text; } }

      function sort(index, descending) {
        var numeric = heads[index].getAttribute('data-type') === 'number';
        var sorted = rows.slice().sort(function (a, b) {
          var x = value(a, index, numeric);
          var y = value(b, index, numeric);
          var order = x > y ? 1 : (y > x ? -1 : 0);
          if (descending) { order = -order; }
          if (order === 0) {
            order = Number(a.getAttribute('data-order')) - Number(b.getAttribute('data-order'));
          }
          return order;
        });
        sorted.forEach(function (row) { body.appendChild(row); });
        heads.forEach(function (head, other) {
          if (other === index) {
            head.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
          } else {
            head.removeAttribute('aria-sort');
          }
        });
        announce('Sorted by ' + heads[index].textContent.trim() + ', ' +
          (descending ? 'descending' : 'ascending') + '.');
      }

      heads.forEach(function (head, index) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'sort';
        button.textContent = head.textContent;
        head.textContent = '';
        head.appendChild(button);
        button.addEventListener('click', function () {
          var current = head.getAttribute('aria-sort');
          var numeric = head.getAttribute('data-type') === 'number';
          var descending = current ? current === 'ascending' : numeric;
          sort(index, descending);
        });
      });

      if (form) {
        var selects = Array.prototype.slice.call(form.querySelectorAll('select'));
        var filter = function () {
          var shown = 0;
          rows.forEach(function (row) {
            var keep = selects.every(function (select) {
              return !select.value || row.getAttribute('data-' + select.name) === select.value;
            });
            row.hidden = !keep;
            if (keep) { shown += 1; }
          });
          announce('Showing ' + shown + ' of ' + rows.length + ' services.');
        };
        selects.forEach(function (select) { select.addEventListener('change', filter); });
        form.addEventListener('submit', function (event) { event.preventDefault(); });
        form.hidden = false;
      }
    }());

    """
}
