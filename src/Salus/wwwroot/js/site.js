// Progressive enhancement only: every form works without this file.
document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
  select.addEventListener('change', function () { select.form.submit(); });
});

// Passkeys (WebAuthn): ask the server for options, let the browser create or use a credential, then post it with the
// form. Without JavaScript or WebAuthn the form posts no credential and the server explains.
(function () {
  function token(form) {
    var field = form.querySelector('input[name="__RequestVerificationToken"]');
    return field ? field.value : '';
  }

  async function options(form, url) {
    var response = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-TOKEN': token(form) } });
    if (!response.ok) { throw new Error('passkey options: ' + response.status); }
    return response.json();
  }

  function wire(selector, ceremony) {
    document.querySelectorAll(selector).forEach(function (form) {
      form.addEventListener('submit', async function (event) {
        if (!window.PublicKeyCredential || !PublicKeyCredential.parseCreationOptionsFromJSON) { return; }
        event.preventDefault();
        var error = form.querySelector('[data-passkey-error]');
        try {
          var credential = await ceremony(form);
          form.querySelector('input[name="credential"]').value = JSON.stringify(credential);
          form.submit();
        } catch (e) {
          if (error) { error.hidden = false; }
        }
      });
    });
  }

  wire('form[data-passkey-create]', async function (form) {
    var json = await options(form, form.dataset.passkeyCreate);
    return navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(json) });
  });
  wire('form[data-passkey-get]', async function (form) {
    var json = await options(form, form.dataset.passkeyGet);
    return navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json) });
  });
})();
