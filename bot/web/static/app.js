// newsbot's page script: streams answers as they are written where the
// browser can, and offers a way back from an article. Without it the
// page works the same, answering on the server.
'use strict';
(function () {
  var back = document.getElementById('back');
  if (back && window.history.length > 1) {
    back.hidden = false;
    back.firstElementChild.addEventListener('click', function (e) {
      e.preventDefault();
      window.history.back();
    });
  }

  var form = document.getElementById('ask');
  var conversation = document.getElementById('conversation');
  if (!form || !conversation || !window.fetch || !window.TextDecoder || !window.ReadableStream) {
    return;
  }
  var input = form.elements.q;
  var button = form.querySelector('button');

  form.addEventListener('submit', function (e) {
    var question = input.value.trim();
    if (!question) {
      return;
    }
    e.preventDefault();
    var turn = document.createElement('article');
    turn.className = 'turn';
    var h = document.createElement('h2');
    h.className = 'question';
    h.textContent = question;
    var answer = document.createElement('div');
    answer.className = 'answer streaming';
    var p = document.createElement('p');
    answer.appendChild(p);
    turn.appendChild(h);
    turn.appendChild(answer);
    conversation.appendChild(turn);
    turn.scrollIntoView({ block: 'start', behavior: 'smooth' });
    input.value = '';
    button.disabled = true;

    var streamed = '';
    fetch('/api/ask?html=1', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'text/event-stream' },
      body: JSON.stringify({ question: question, conversation: form.elements.c.value })
    }).then(function (res) {
      if (!res.ok) {
        return res.json().then(function (body) {
          throw new Error(body.error || res.statusText);
        }, function () {
          throw new Error(res.statusText);
        });
      }
      return readEvents(res.body, function (event, data) {
        if (event === 'token') {
          streamed += data.text;
          p.textContent = streamed;
        } else if (event === 'answer') {
          form.elements.c.value = data.conversation;
          window.history.replaceState(null, '', '/?c=' + encodeURIComponent(data.conversation));
        } else if (event === 'html') {
          // The answer as the server renders it: text escaped, citations linked.
          var t = document.createElement('template');
          t.innerHTML = data;
          var fresh = t.content.firstElementChild;
          turn.replaceWith(fresh);
          turn = fresh;
        } else if (event === 'error') {
          throw new Error(data.error);
        }
      });
    }).catch(function (err) {
      answer.className = 'answer';
      p.className = 'error';
      p.textContent = 'Sorry, no answer: ' + err.message;
      input.value = question;
    }).then(function () {
      button.disabled = false;
      input.focus();
    });
  });

  // readEvents reads server-sent events from a fetch body, calling
  // on(event, data) with each event's JSON data.
  function readEvents(body, on) {
    var reader = body.getReader();
    var decoder = new TextDecoder();
    var buf = '';
    function pump() {
      return reader.read().then(function (r) {
        if (r.done) {
          return;
        }
        buf += decoder.decode(r.value, { stream: true });
        var i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          var block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          var event = 'message';
          var data = '';
          block.split('\n').forEach(function (line) {
            if (line.indexOf('event: ') === 0) {
              event = line.slice(7);
            } else if (line.indexOf('data: ') === 0) {
              data += line.slice(6);
            }
          });
          if (data) {
            on(event, JSON.parse(data));
          }
        }
        return pump();
      });
    }
    return pump();
  }
})();
