// Stripe's Embedded Checkout. @stripe/stripe-js (and Stripe.js from js.stripe.com, which Stripe
// requires) load only here, when a reader actually starts an embedded checkout.
export async function mountEmbeddedCheckout(
  target: HTMLElement,
  publishableKey: string,
  clientSecret: string,
  onComplete: () => void,
): Promise<() => void> {
  const { loadStripe } = await import('@stripe/stripe-js');
  const stripe = await loadStripe(publishableKey);
  if (!stripe) throw new Error('Stripe.js did not load');
  const checkout = await stripe.createEmbeddedCheckoutPage({ clientSecret, onComplete });
  checkout.mount(target);
  return () => checkout.destroy();
}
