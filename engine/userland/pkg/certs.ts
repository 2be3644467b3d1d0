/**
 * The Mozilla CA certificates that ca-certificates ships (the 2023-2024
 * set), as `name:hash-link:size`. update-ca-certificates links each one into
 * /etc/ssl/certs as NAME.pem and by its OpenSSL subject hash, and
 * concatenates them into ca-certificates.crt; Berth does the same with
 * placeholder PEM text of the real size.
 */
const TABLE = `
  ACCVRAIZ1:a94d09e5.0:2772 AC_RAIZ_FNMT-RCM:cd8c0d63.0:1972 AC_RAIZ_FNMT-RCM_SERVIDORES_SEGUROS:b81b93f0.0:904
  ANF_Secure_Server_Root_CA:b433981b.0:2118 Actalis_Authentication_Root_CA:930ac5d2.0:2049
  AffirmTrust_Commercial:2b349938.0:1204 AffirmTrust_Networking:93bc0acc.0:1204 AffirmTrust_Premium:b727005e.0:1891
  AffirmTrust_Premium_ECC:9c8dfbd4.0:753 Amazon_Root_CA_1:ce5e74ef.0:1188 Amazon_Root_CA_2:6d41d539.0:1883
  Amazon_Root_CA_3:8cb5ee0f.0:656 Amazon_Root_CA_4:de6d66f3.0:737 Atos_TrustedRoot_2011:e36a6752.0:1261
  Autoridad_de_Certificacion_Firmaprofesional_CIF_A62634068:3bde41ac.0:2167
  Autoridad_de_Certificacion_Firmaprofesional_CIF_A62634068_2:3bde41ac.1:2167
  Baltimore_CyberTrust_Root:653b494a.0:1261 Buypass_Class_2_Root_CA:54657681.0:1915
  Buypass_Class_3_Root_CA:e8de2f56.0:1915 CA_Disig_Root_R2:2ae6433e.0:1935 CFCA_EV_ROOT:0b1b94ef.0:1984
  COMODO_Certification_Authority:40547a79.0:1489 COMODO_ECC_Certification_Authority:eed8c118.0:940
  COMODO_RSA_Certification_Authority:d6325660.0:2086 Certainly_Root_E1:8508e720.0:741
  Certainly_Root_R1:7a780d93.0:1891 Certigna:e113c810.0:1330 Certigna_Root_CA:f51bb24c.0:2264
  Certum_EC-384_CA:9482e63a.0:891 Certum_Trusted_Network_CA:48bec511.0:1354
  Certum_Trusted_Network_CA_2:40193066.0:2078 Certum_Trusted_Root_CA:e35234b1.0:2053
  Comodo_AAA_Services_root:ee64a828.0:1517 D-TRUST_BR_Root_CA_1_2020:9ef4a08a.0:1050
  D-TRUST_EV_Root_CA_1_2020:5931b5bc.0:1050 D-TRUST_Root_Class_3_CA_2_2009:c28a8a30.0:1517
  D-TRUST_Root_Class_3_CA_2_EV_2009:d4dae3dd.0:1537 DigiCert_Assured_ID_Root_CA:b1159c4c.0:1350
  DigiCert_Assured_ID_Root_G2:9d04f354.0:1306 DigiCert_Assured_ID_Root_G3:7f3d5d1d.0:851
  DigiCert_Global_Root_CA:3513523f.0:1338 DigiCert_Global_Root_G2:607986c7.0:1294
  DigiCert_Global_Root_G3:dd8e9d41.0:839 DigiCert_High_Assurance_EV_Root_CA:244b5494.0:1367
  DigiCert_TLS_ECC_P384_Root_G5:9846683b.0:790 DigiCert_TLS_RSA4096_Root_G5:d52c538d.0:1931
  DigiCert_Trusted_Root_G4:75d1b2ed.0:1988 E-Tugra_Certification_Authority:5273a94c.0:2244
  E-Tugra_Global_Root_CA_ECC_v3:5a7722fb.0:977 E-Tugra_Global_Root_CA_RSA_v3:66445960.0:2122
  Entrust.net_Premium_2048_Secure_Server_CA:aee5f10d.0:1505 Entrust_Root_Certification_Authority:6b99d060.0:1643
  Entrust_Root_Certification_Authority_-_EC1:106f3e4d.0:1090
  Entrust_Root_Certification_Authority_-_G2:02265526.0:1533 Entrust_Root_Certification_Authority_-_G4:5e98733a.0:2244
  GDCA_TrustAUTH_R5_ROOT:0f6fa695.0:1980 GLOBALTRUST_2020:fa5da96b.0:1972 GTS_Root_R1:1001acf7.0:1911
  GTS_Root_R2:626dceaf.0:1911 GTS_Root_R3:0a775a30.0:765 GTS_Root_R4:a3418fda.0:765
  GlobalSign_ECC_Root_CA_-_R4:b0e59380.0:704 GlobalSign_ECC_Root_CA_-_R5:1d3472b9.0:794
  GlobalSign_Root_CA:5ad8a5d6.0:1261 GlobalSign_Root_CA_-_R3:062cdee6.0:1229 GlobalSign_Root_CA_-_R6:dc4d6a89.0:1972
  GlobalSign_Root_E46:feffd413.0:769 GlobalSign_Root_R46:002c0b4f.0:1915 Go_Daddy_Class_2_CA:f081611a.0:1448
  Go_Daddy_Root_Certificate_Authority_-_G2:cbf06781.0:1367 HARICA_TLS_ECC_Root_CA_2021:ecccd8db.0:867
  HARICA_TLS_RSA_Root_CA_2021:9f727ac7.0:2017
  Hellenic_Academic_and_Research_Institutions_ECC_RootCA_2015:7719f463.0:1017
  Hellenic_Academic_and_Research_Institutions_RootCA_2015:32888f65.0:2155 HiPKI_Root_CA_-_G1:90c5a3c8.0:1939
  Hongkong_Post_Root_CA_1:3e45d192.0:1168 Hongkong_Post_Root_CA_3:68dd7389.0:2074 ISRG_Root_X1:4042bcee.0:1939
  ISRG_Root_X2:0b9bc432.0:790 IdenTrust_Commercial_Root_CA_1:ef954a4e.0:1923
  IdenTrust_Public_Sector_Root_CA_1:1e08bfd1.0:1931 Izenpe.com:cc450945.0:2122
  Microsec_e-Szigno_Root_CA_2009:8160b96c.0:1460 Microsoft_ECC_Root_Certificate_Authority_2017:8d89cda1.0:875
  Microsoft_RSA_Root_Certificate_Authority_2017:bf53fb88.0:2021
  NAVER_Global_Root_Certification_Authority:3fb36b73.0:2013 NetLock_Arany_=Class_Gold=_Főtanúsítvány:988a38cb.0:1476
  OISTE_WISeKey_Global_Root_GB_CA:e73d606e.0:1346 OISTE_WISeKey_Global_Root_GC_CA:773e07ad.0:895
  QuoVadis_Root_CA_1_G3:749e9e03.0:1923 QuoVadis_Root_CA_2:d7e8dc79.0:2041 QuoVadis_Root_CA_2_G3:064e0aa9.0:1923
  QuoVadis_Root_CA_3:76faf6c0.0:2354 QuoVadis_Root_CA_3_G3:e18bfb83.0:1923
  SSL.com_EV_Root_Certification_Authority_ECC:f0c70a8d.0:956
  SSL.com_EV_Root_Certification_Authority_RSA_R2:06dc52d5.0:2114
  SSL.com_Root_Certification_Authority_ECC:0bf05006.0:944 SSL.com_Root_Certification_Authority_RSA:6fa5da56.0:2094
  SZAFIR_ROOT_CA2:fe8a2cd8.0:1257 Sectigo_Public_Server_Authentication_Root_E46:da0cfd1d.0:834
  Sectigo_Public_Server_Authentication_Root_R46:9046744a.0:1980 SecureSign_RootCA11:18856ac4.0:1249
  SecureTrust_CA:f39fc864.0:1350 Secure_Global_CA:b66938e9.0:1354 Security_Communication_ECC_RootCA1:5860aaa6.0:830
  Security_Communication_RootCA2:cd58d51e.0:1261 Security_Communication_RootCA3:08063a00.0:1968
  Security_Communication_Root_CA:f3377b1b.0:1224 Starfield_Class_2_CA:f387163d.0:1468
  Starfield_Root_Certificate_Authority_-_G2:4bfab552.0:1399
  Starfield_Services_Root_Certificate_Authority_-_G2:09789157.0:1424 SwissSign_Gold_CA_-_G2:4f316efb.0:2045
  SwissSign_Silver_CA_-_G2:57bcb2da.0:2049 T-TeleSec_GlobalRoot_Class_2:1e09d511.0:1367
  T-TeleSec_GlobalRoot_Class_3:5443e9e3.0:1367 TUBITAK_Kamu_SM_SSL_Kok_Sertifikasi_-_Surum_1:ff34af3f.0:1582
  TWCA_Global_Root_CA:5f15c80c.0:1883 TWCA_Root_Certification_Authority:b7a5b843.0:1269
  TeliaSonera_Root_CA_v1:5cd81ad7.0:1870 Telia_Root_CA_v2:8f103249.0:1952 TrustCor_ECA-1:7aaf71c0.0:1493
  TrustCor_RootCert_CA-1:5d3033c5.0:1513 TrustCor_RootCert_CA-2:3e44d2f7.0:2204
  Trustwave_Global_Certification_Authority:f249de83.0:2090
  Trustwave_Global_ECC_P256_Certification_Authority:9b5697b0.0:883
  Trustwave_Global_ECC_P384_Certification_Authority:d887a5bb.0:969 TunTrust_Root_CA:fd64f3fc.0:2037
  UCA_Extended_Validation_Root:0f5dc4f3.0:1915 UCA_Global_G2_Root:c01eb047.0:1891
  USERTrust_ECC_Certification_Authority:f30dd6ad.0:948 USERTrust_RSA_Certification_Authority:fc5a8f99.0:2094
  XRamp_Global_CA_Root:706f604c.0:1513 certSIGN_ROOT_CA:8d86cdd1.0:1176 certSIGN_Root_CA_G2:5f618aec.0:1891
  e-Szigno_Root_CA_2017:e868b802.0:843 ePKI_Root_Certification_Authority:ca6e4ad9.0:2033
  emSign_ECC_Root_CA_-_C3:4b718d9b.0:814 emSign_ECC_Root_CA_-_G3:14bc7599.0:859 emSign_Root_CA_-_C1:406c9bb1.0:1257
  emSign_Root_CA_-_G1:2923b3f9.0:1302 vTrus_ECC_Root_CA:ed858448.0:774 vTrus_Root_CA:7a3adc42.0:1911
`;

export interface CaCert {
  name: string;
  /** OpenSSL's subject-hash link name, e.g. 5ad8a5d6.0. */
  hash: string;
  size: number;
}

export const CA_CERTS: readonly CaCert[] = TABLE.split(/\s+/)
  .filter((w) => w !== '')
  .map((w) => {
    const [name, hash, size] = w.split(':') as [string, string, string];
    return { name, hash, size: Number(size) };
  });

/** Placeholder PEM text of a certificate, `size` bytes long. */
export function certificateText(cert: CaCert): string {
  const head = '-----BEGIN CERTIFICATE-----\n';
  const tail = '-----END CERTIFICATE-----\n';
  const note = `Berth placeholder for ${cert.name.replace(/_/g, ' ')}`;
  const fill = Math.max(0, cert.size - head.length - tail.length);
  let body = '';
  while (body.length < fill) body += (note + ' ').repeat(2).slice(0, 64) + '\n';
  return head + body.slice(0, fill) + tail;
}
