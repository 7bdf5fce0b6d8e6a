/**
 * Who issued a chip ID card, by the day it was issued: what the forms call "nơi cấp". The 2014 Law on
 * Citizen Identification had the Director of the Police Department for Administrative Management of
 * Social Order issue the chip CCCD (from 2021); the 2023 Law on Identification moved issuance of the
 * new "thẻ Căn cước" to the Ministry of Public Security from 1 July 2024. A city whose cards read
 * otherwise changes this table.
 */
export interface IdCardIssuer {
  /** The first issue day this issuer applies to, `yyyy-mm-dd`. */
  from: string;
  name: string;
}

/** Newest last; the issuer of a card is the last entry whose `from` is on or before its issue day. */
export const ID_CARD_ISSUERS: readonly IdCardIssuer[] = [
  { from: "2016-01-01", name: "Cục Cảnh sát ĐKQL cư trú và DLQG về dân cư" },
  { from: "2021-01-01", name: "Cục Cảnh sát quản lý hành chính về trật tự xã hội" },
  { from: "2024-07-01", name: "Bộ Công an" },
];
