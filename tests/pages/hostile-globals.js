// A page that breaks the globals a script might rely on, and throws.
window.JSON = { parse() { throw new Error('no JSON here'); }, stringify() { throw new Error('no JSON here'); } };
window.Range = function Range() { throw new Error('no Range here'); };
Object.defineProperty(Node.prototype, 'textContent', { get() { return 'hijacked'; }, set() {}, configurable: true });
document.createRange = () => { throw new Error('no createRange here'); };
window.MutationObserver = function MutationObserver() { throw new Error('no observers here'); };
Object.freeze(Object.prototype);
Object.freeze(Array.prototype);
setTimeout(() => { throw new Error('page error on purpose'); }, 0);
