'use strict';

// The embed code with this service's own address, ready to copy (the page's CSP allows no inline script).
document.addEventListener('DOMContentLoaded', () => {
  const code = document.getElementById('embed-code');
  code.textContent = code.textContent.replace('https://SUCHDIENST/', new URL('.', location.href).href);
});
