// Plays the person at Gatehouse's sign-in page the way a browser would: GET the authorization URL,
// keep the cookies it sets, submit the form with a user name and password, and return the redirect
// the gateway answers with (a 303 to the client's redirect_uri carrying code, state and iss).

function cookiesFrom(response, jar) {
  for (const line of response.headers.getSetCookie?.() ?? []) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

function cookieHeader(jar) {
  return [...jar.entries()].map(([name, value]) => `${name}=${value}`).join('; ');
}

function hidden(html, name) {
  const match = html.match(new RegExp(`name="${name}" value="([^"]*)"`));
  return match ? match[1].replaceAll('&amp;', '&') : undefined;
}

// Returns { location: URL, page: string (the sign-in page's HTML) }.
export async function signIn(authorizationUrl, { user, password, decision = 'allow', jar = new Map() }) {
  const page = await fetch(authorizationUrl, { redirect: 'manual', headers: { cookie: cookieHeader(jar) } });
  cookiesFrom(page, jar);
  if (page.status === 302) return { location: new URL(page.headers.get('location')), page: '' }; // remembered consent
  const html = await page.text();
  if (page.status !== 200) throw new Error(`the sign-in page answered ${page.status}: ${html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 300)}`);
  const request = hidden(html, 'request');
  const csrf = hidden(html, 'csrf');
  if (!request || !csrf) throw new Error('the sign-in page has no form with request and csrf fields');
  const form = new URLSearchParams({ request, csrf, decision });
  if (html.includes('name="username"')) {
    form.set('username', user);
    form.set('password', password);
  }
  const origin = new URL(authorizationUrl).origin;
  const posted = await fetch(new URL('/oauth/authorize', origin), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar), origin },
    body: form.toString(),
  });
  cookiesFrom(posted, jar);
  if (posted.status !== 303) {
    const text = (await posted.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    throw new Error(`the sign-in form answered ${posted.status} (expected 303): ${text.slice(0, 300)}`);
  }
  return { location: new URL(posted.headers.get('location')), page: html };
}
