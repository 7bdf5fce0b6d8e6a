/**
 * The longest photo of an ID card the console sends in `dossier:identityCard`, in base64 characters: the event
 * travels in one Socket.IO packet of at most 64 KB (`maxHttpBufferSize`), so the console shrinks the photo to
 * fit, and a card's QR code still reads at that size. Shared by the console, which shrinks, and the server,
 * which refuses a longer one.
 */
export const CARD_PHOTO_MAX_BASE64 = 60_000;
