"""CIN census files written to DfE's layout for each census year, for the tests."""
YEARS = {2022: "GenderCurrent", 2023: "GenderCurrent", 2024: "GenderCurrent", 2025: "Sex", 2026: "Sex"}


def census(children, *, year=2024):
    return (f"<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>{year}</Year>"
            f"<ReferenceDate>{year}-03-31</ReferenceDate></CollectionDetails></Header>"
            f"<Children>{''.join(children)}</Children></Message>").encode()


def child(child_id, *details, year=2024, sex=None, died=None, disabilities=(), born="2015-03-27"):
    gender_tag = YEARS[year]
    sex = sex or ("F" if gender_tag == "Sex" else "2")
    died = f"<PersonDeathDate>{died}</PersonDeathDate>" if died else ""
    disability = ("<Disabilities>" + "".join(f"<Disability>{d}</Disability>" for d in disabilities)
                  + "</Disabilities>") if disabilities else ""
    return (f"<Child><ChildIdentifiers><LAchildID>{child_id}</LAchildID><PersonBirthDate>{born}</PersonBirthDate>"
            f"<{gender_tag}>{sex}</{gender_tag}>{died}</ChildIdentifiers>"
            f"<ChildCharacteristics><Ethnicity>WBRI</Ethnicity>{disability}</ChildCharacteristics>"
            f"{''.join(details) or cin_details()}</Child>")


def cin_details(referral="2024-01-10", *, source="1A", need="N1", closure=None, reason=None, icpc=None, s47=(),
                nfa=False, plans="", pre_proceedings="", before_nfa=""):
    closed = f"<CINclosureDate>{closure}</CINclosureDate>" if closure else ""
    reason = f"<ReasonForClosure>{reason}</ReasonForClosure>" if reason else ""
    icpc = f"<DateOfInitialCPC>{icpc}</DateOfInitialCPC>" if icpc else ""
    enquiries = "".join(
        f"<Section47><S47ActualStartDate>{start}</S47ActualStartDate>"
        + (f"<DateOfInitialCPC>{conference}</DateOfInitialCPC>" if conference else "")
        + "<ICPCnotRequired>false</ICPCnotRequired></Section47>"
        for start, conference in s47
    )
    return (f"<CINdetails><CINreferralDate>{referral}</CINreferralDate><ReferralSource>{source}</ReferralSource>"
            f"<PrimaryNeedCode>{need}</PrimaryNeedCode>{closed}{reason}{icpc}{enquiries}{before_nfa}"
            f"<ReferralNFA>{'true' if nfa else 'false'}</ReferralNFA>{plans}{pre_proceedings}</CINdetails>")


def pre_proceedings(start="2024-02-01", *, letter="2024-02-03", court=None, outcome="A"):
    court = f"<CourtAppDate>{court}</CourtAppDate>" if court else ""
    return (f"<PreProceedingsandFGDM><PPStartDate>{start}</PPStartDate><LBPSentDate>{letter}</LBPSentDate>"
            f"<FGDMMeetingOffer>true</FGDMMeetingOffer><FGDMMeetingFac>false</FGDMMeetingFac>"
            f"<ReviewMeetingsCount>2</ReviewMeetingsCount><PPOutcome>{outcome}</PPOutcome>{court}"
            f"</PreProceedingsandFGDM>")
