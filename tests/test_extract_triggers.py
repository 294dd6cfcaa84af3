"""Event triggers with everyday senses fire only with the arguments their event needs.

Each phenomenon has a sentence that must give the event and one that must not. The
sentences are invented for these tests. They need the trained English pipeline (slow).
"""

from __future__ import annotations

import pytest

from kb.models import Extraction

pytestmark = pytest.mark.slow


def _types(x: Extraction) -> list[str]:
    return [e.event_type for e in x.events]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Brightwater Energy took control of Solent Gas in March.", "Acquisition"),
        ("Brightwater Energy took over Solent Gas last year.", "Acquisition"),
        ("Rebels took control of Goma on Sunday.", "Capture"),
        ("The board named Helen Ruiz as chief executive on Tuesday.", "Appointment"),
        ("Helen Ruiz was named chief executive of Acme Retail.", "Appointment"),
        ("Arsenal won the final 2-1 in London on Saturday.", "SportsMatch"),
        ("Kenya drew 1-1 with Uganda in Kampala.", "SportsMatch"),
        ("The Green Party won the election in Tasmania.", "Election"),
        ("Thousands of teachers rallied in Nairobi on Monday.", "Protest"),
        ("Farmers marched through Brussels against the new rules.", "Protest"),
        ("Nordvik Motors closed its factory in Gdansk in February.", "Closure"),
        ("The border was closed on Monday.", "Closure"),
        ("Police shut the main road into Lyon.", "Closure"),
        ("Acme Retail opened a new store in Leeds.", "Launch"),
        ("Soldiers opened fire on the crowd in Bamako.", "Attack"),
        ("Nurses began a 48-hour strike over pay in Dublin.", "Protest"),
        ("A drone strike hit a convoy near Kherson on Monday.", "Attack"),
        ("A strike on a fuel depot killed two soldiers near Donetsk.", "Attack"),
        ("The government declared a state of emergency on Sunday.", "OtherEvent"),
        ("Orlen Logistics announced a recall of its vans in May.", "OtherEvent"),
        ("The two unions agreed to a pay freeze on Friday.", "Agreement"),
        ("The high court ruled against the Varnholt mine on Monday.", "LegalAction"),
        ("Pellan appealed the verdict in March.", "LegalAction"),
        ("Marta Ilves faces charges of fraud in Tallinn.", "LegalAction"),
        ("Thousands of residents fled the fighting in Marava.", "OtherEvent"),
        ("Clashes broke out in the capital on Thursday.", "Attack"),
        ("Rovers sacked their manager Tomas Greer on Tuesday.", "Resignation"),
        ("Police fired rubber bullets at the crowd.", "Attack"),
        ("Chief executive Ana Soto stepped down in June.", "Resignation"),
        ("Luis Ferrer scored twice as Ashdown won 3-1.", "SportsMatch"),
        ("Kellan equalised in the 80th minute.", "SportsMatch"),
        ("Rovers lost 2-1 to Ashdown on Saturday.", "SportsMatch"),
        ("The ministry lifted the curfew on Wednesday.", "Sanction"),
        ("The agency lifted the flood warning on Monday.", "Warning"),
        ("The regime executed two prisoners in May.", "Death"),
        ("Five people were hurt when the roof fell in.", "Casualties"),
        ("A ferry capsized off Vigo on Monday.", "Accident"),
        ("The river flooded the old town overnight.", "NaturalDisaster"),
        ("Mount Kelud erupted on Friday night.", "NaturalDisaster"),
        ("Protests erupted in Varna after the vote.", "Protest"),
        ("Three days of fighting left the town in ruins.", "Attack"),
        ("The Senate race in Ohio is close.", "Election"),
        ("The ministry began a vaccination campaign in April.", "OtherEvent"),
        ("Orlen Foods completed the sale of its Polish unit.", "Acquisition"),
        ("Ashdown celebrated a 3-0 victory over Rovers.", "SportsMatch"),
        ("A gas leak forced the school to close.", "Accident"),
        ("Two guards died in an exchange of fire near Varna.", "Attack"),
        ("Rebels took control of the port at dawn.", "Capture"),
        ("Government troops entered the city on Thursday.", "MilitaryDeployment"),
        ("He fled the country in 2019.", "OtherEvent"),
        ("Rovers reached the final after beating Ashdown on penalties.", "SportsMatch"),
        ("Orlen Records lost its court case against Pellan.", "LegalAction"),
        ("Police charged two men with fraud on Friday.", "LegalAction"),
        ("The two sides exchanged 90 prisoners on Monday.", "PrisonerExchange"),
        ("A freight train derailed near Kolin on Tuesday.", "Accident"),
        ("Police are investigating the death of a Varna man.", "LegalAction"),
        ("Rescuers searched for survivors in the rubble.", "Rescue"),
        ("Officials recalled the execution of a nurse in 1915.", "Death"),
        ("The patient was quarantined at the hospital.", "Outbreak"),
        ("The game ended 2-2 after extra time.", "SportsMatch"),
        ("Two climbers were reported missing on Sunday.", "OtherEvent"),
        ("Orlen Foods will buy back shares worth $2 billion.", "BusinessEvent"),
        ("Varda released its Lumo headset in 2019.", "Launch"),
        ("The clinic is testing a patient for measles.", "Outbreak"),
        ("Government troops withdrew from the town on Monday.", "MilitaryDeployment"),
        ("Orlen Foods is expanding into Chile this year.", "BusinessEvent"),
        ("The premier met her Polish counterpart in Warsaw.", "Negotiation"),
        ("The withdrawal of troops began in May.", "MilitaryDeployment"),
        ("An outbreak of measles closed two schools.", "Outbreak"),
        (
            "Kestrel Town play Marlow Athletic in the cup on Saturday.",
            "SportsMatch",
        ),
        ("Inspectors returned to the mine in May.", "OtherEvent"),
        ("Rovers edged Ashdown 1-0 on Saturday.", "SportsMatch"),
        ("Rebels raked the convoy with machine-gun fire.", "Attack"),
        ("The judge warned the jury on the third day of the trial.", "LegalAction"),
        ("The clinical trial enrolled 4,000 children.", "MedicalTrial"),
        ("Naval drills began off the coast on Monday.", "Training"),
        ("Varda has massed troops near the border.", "MilitaryBuildup"),
        ("Gunmen opened fire on a bus near Varna.", "Attack"),
        ("The appeals court upheld the conviction on Monday.", "LegalAction"),
        ("The floods forced 3,000 people from their homes.", "OtherEvent"),
        ("Hundreds of protesters gathered outside the ministry.", "Protest"),
        ("Orlen Foods reported a 14% rise in operating profit.", "FinancialResult"),
        ("Shares in Orlen Foods were up 7.4% at midday.", "MarketMovement"),
        ("The city council voted on Tuesday to ban plastic bags.", "Vote"),
        ("Voters cast their ballots in Varna on Sunday.", "Vote"),
        ("The vote on the budget is set for Friday.", "Vote"),
        ("Varda launched a new weather satellite on Monday.", "Launch"),
        ("The ministry launched a vaccination programme in May.", "Launch"),
        ("Rebels launched an insurgency in the north in 1996.", "Attack"),
        ("A 24-hour general strike paralysed the capital.", "Protest"),
        ("Rebels attacked the base on Monday, killing four soldiers.", "Attack"),
        ("The bank approved a $750 million loan for the dam.", "Investment"),
        ("Orlen announced a 2 billion euro investment in Gdansk.", "Investment"),
        ("The investment was announced on Monday.", "Investment"),
        ("The storm hit the coast on Friday.", "NaturalDisaster"),
        ("Protesters clashed with police in Varna on Saturday.", "Attack"),
        ("The flight to Tarsk was delayed by six hours.", "ServiceDisruption"),
        ("Kellan deported three men to Varda on Friday.", "LegalAction"),
        ("Four suspects were handed over to Varda on Monday.", "LegalAction"),
        ("The minister apologised to the fishermen for the delay.", "DiplomacyEvent"),
        ("Police issued arrest warrants for three men.", "LegalAction"),
        ("Orlen Foods reported a data breach on Monday.", "Attack"),
        ("A car bomb exploded in the market on Monday.", "Attack"),
        ("Ana Ruiz won the Tarsk Marathon on Sunday.", "SportsMatch"),
        ("Ana Varga was charged with the murder of her husband.", "Death"),
        ("Kellan has requested $8 million in flood aid.", "OtherEvent"),
        ("The two candidates met for a televised debate in Varna.", "PoliticsEvent"),
        ("Ortiz captured 1,210 delegates in the primaries.", "Election"),
        ("Two people were hurt in the fire, police said.", "Casualties"),
        ("Orlen completed the sale of its Gdansk unit in May.", "Acquisition"),
        ("The storm forced the cancellation of 300 flights.", "ServiceDisruption"),
        ("The flu season began in late October this year.", "Outbreak"),
        (
            "Vantrex released its Zorbit Pro, a device that lets drivers talk, in 2019.",
            "Launch",
        ),
    ],
)
def test_trigger_fires_with_fitting_arguments(run, text, kind):
    assert kind in _types(run(text))


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("It took two hours to clear the road.", "Acquisition"),
        ("The clinic was granted a licence by the council.", "Investment"),
        ("Rina Holt crashed to a heavy defeat in the final.", "Accident"),
        ("The probe landed on Mars in 2012.", "OtherEvent"),
        ("Orlen Bank collapsed in 2008.", "Accident"),
        ("Support for the plan collapsed.", "Accident"),
        ("The dispute pushed the talks close to collapse.", "Accident"),
        ("Maria Lopez was suspended from the party.", "ServiceDisruption"),
        ("The court sentenced the two traffickers to death.", "Death"),
        ("The talks will take place in Geneva.", "Acquisition"),
        ("She bought time by calling a recess.", "Acquisition"),
        ("The report named three suppliers that broke the rules.", "Appointment"),
        ("The town named the new bridge after a local poet.", "Appointment"),
        ("The proposal won support from several lawmakers.", "SportsMatch"),
        ("The exhibition drew large crowds in Paris.", "SportsMatch"),
        ("Shares rallied on Monday after the central bank cut rates.", "Protest"),
        ("Oil prices marched higher for a third day.", "Protest"),
        ("The study demonstrated that the drug was safe.", "Protest"),
        ("The shop closed at 6 p.m. on Friday.", "Closure"),
        ("The index closed 2% lower on Friday.", "Closure"),
        ("The markets opened higher on Monday.", "Launch"),
        ("The two sides closed the gap on pay.", "Closure"),
        ("Nurses began a 48-hour strike over pay in Dublin.", "Attack"),
        ("Russian forces launched a missile strike on Odesa.", "Launch"),
        ("The minister announced that taxes would rise.", "OtherEvent"),
        ("The minister announced a ceasefire on Sunday.", "OtherEvent"),
        ("Most economists agree that rates will fall.", "Agreement"),
        ("The mayor ruled out a second term.", "LegalAction"),
        ("The charity appealed for calm after the storm.", "LegalAction"),
        ("The bank raised its charges for small firms.", "LegalAction"),
        ("Investors fled to the safety of bonds.", "OtherEvent"),
        ("The regulator dismissed the complaints as groundless.", "Resignation"),
        ("She stepped in to help the team.", "Resignation"),
        ("The party scored 30 percent in the poll.", "SportsMatch"),
        ("Rovers lost their way after the break.", "SportsMatch"),
        ("The captain lifted the trophy in front of the fans.", "Sanction"),
        ("The council executed the plan within a year.", "Death"),
        ("The strong currency hurt exports last year.", "Casualties"),
        ("Shares sank 4% on Monday.", "Accident"),
        ("Cheap imports flooded the market.", "NaturalDisaster"),
        ("She said the human race faces a choice.", "Election"),
        ("Sales rose 4% in the quarter.", "Acquisition"),
        ("The leak of the memo embarrassed the ministry.", "Accident"),
        ("It was a victory for common sense, she said.", "SportsMatch"),
        ("Kellan exchanged passes with Ruiz before scoring.", "PrisonerExchange"),
        ("The firm charges $5 a month for the service.", "LegalAction"),
        ("The scandal derailed the talks on the budget.", "Accident"),
        ("She entered the race for mayor in May.", "MilitaryDeployment"),
        ("Some critics feared the execution of the plan would fail.", "Death"),
        ("Users can play their favourite games on the device.", "SportsMatch"),
        ("Varda released a statement on Monday.", "Launch"),
        ("Engineers tested the brakes twice.", "Outbreak"),
        ("The company withdrew its bid in May.", "MilitaryDeployment"),
        ("The deficit expanded last year.", "BusinessEvent"),
        ("The plan was met with criticism from unions.", "Negotiation"),
        ("The firm met its sales target.", "Negotiation"),
        ("Savers made a cash withdrawal at the branch.", "MilitaryDeployment"),
        ("He studied the outbreak of war in 1914.", "Outbreak"),
        ("Actors play a key role in the new film.", "SportsMatch"),
        ("The navy bought attack and rescue helicopters.", "Attack"),
        ("The cars are assembled at a plant near Lyon.", "MilitaryBuildup"),
        ("It was a clever political maneuver by the senator.", "Training"),
        ("Ashdown's striker is out with a knee injury.", "Casualties"),
        ("Gunmen opened fire on a bus near Varna.", "Accident"),
        ("The policy has been upheld by every government since.", "LegalAction"),
        ("The two parties hold a combined 212 votes in parliament.", "Vote"),
        ("The envoys declared their wish for a quick deal.", "OtherEvent"),
        ("The opposition forced a vote on the budget.", "OtherEvent"),
        ("Families gathered for a meal after the service.", "Protest"),
        ("The rise in tensions worried diplomats.", "FinancialResult"),
        ("Shares are up, traders said.", "MarketMovement"),
        ("The agency will search the files for records.", "Rescue"),
        ("A spokesman for the Varga campaign declined to comment.", "OtherEvent"),
        ("The city vowed to win its fight against crime.", "SportsMatch"),
        ("The army crushed the rebellion in May.", "SportsMatch"),
        ("Lawyers urged the court to release the activist Ana Varga.", "Launch"),
        ("Her campaign said on Monday that the senator was tired.", "Election"),
        ("A group charged with beautifying the town met on Monday.", "LegalAction"),
        ("He agrees with this view up to a point.", "Agreement"),
        ("The judge told the ministry to release the Varga emails.", "Launch"),
        ("A flood of money helped the challenger.", "NaturalDisaster"),
        ("Critics defended free speech on campus.", "OtherEvent"),
        ("Our goal is to defeat the rebels in the north.", "SportsMatch"),
        ("The new law gives 9,000 former prisoners the right to vote.", "Vote"),
        ("Half of the residents are now eligible to vote.", "Vote"),
        ("Non-citizens are barred from voting in national polls.", "Vote"),
        ("Residents could vote by post until Friday.", "Vote"),
        ("The Greens won 12 percent of the vote in Varna.", "Vote"),
        ("Ortiz won the popular vote by a wide margin.", "Vote"),
        ("Members under 18 may not cast a ballot.", "Vote"),
        ("The council restores voting rights to tenants.", "Vote"),
        ("She launched her bid for the mayoralty in 2011.", "Launch"),
        ("Officials will launch checks of every ferry.", "Launch"),
        ("Online sales have exploded since 2020.", "Accident"),
        ("Phone use has exploded among children.", "Accident"),
        ("He won the seat by a landslide in 1997.", "NaturalDisaster"),
        ("The bowling attack took four wickets before lunch.", "Attack"),
        ("Teacher training will start in May.", "Training"),
        ("The plan needs donor mobilisation.", "MilitaryBuildup"),
        ("Ruiz is out with a finger injury.", "Casualties"),
        ("A 24-hour general strike paralysed the capital.", "Attack"),
        ("The summit will discuss trade and investment.", "Investment"),
        ("Critics say foreign funding shapes the debate.", "Investment"),
        ("It is the perfect storm for small farmers, she said.", "NaturalDisaster"),
        ("The plan set off a storm of protest in Varna.", "NaturalDisaster"),
        ("The football season started in August.", "Outbreak"),
        ("The two ministers clashed over the budget on Monday.", "Attack"),
        ("The council delayed the vote on the budget.", "ServiceDisruption"),
        ("Ortiz handed over the chair of the council to Ruiz.", "LegalAction"),
        ("The firm was sued for breach of contract.", "Attack"),
        ("Analysts dismissed the pricing talk as rumour.", "Negotiation"),
        ("Ana Varga was charged with murder on Friday.", "Death"),
        ("The official requested anonymity to discuss the talks.", "OtherEvent"),
        ("The ruling ended years of debate about the dam.", "PoliticsEvent"),
        ("The tax is still under debate in parliament.", "PoliticsEvent"),
        ("The union condemned the decision to delay talks or a vote on pay.", "Vote"),
        ("No one was hurt in the fire, police said.", "Casualties"),
        ("The judge dismissed his demand for an apology.", "DiplomacyEvent"),
        ("The union's call for a strike was rejected by members.", "Protest"),
        ("The blast caused no casualties, officials said.", "Casualties"),
        ("Orlen blamed the sale of cheap laptops for its loss.", "Acquisition"),
        (
            "Varda demanded the cancellation of the fines against its pilots.",
            "ServiceDisruption",
        ),
        ("A car bomb exploded in the market on Monday.", "Accident"),
    ],
)
def test_trigger_stays_silent_without_fitting_arguments(run, text, wrong):
    assert wrong not in _types(run(text))


def test_takeover_target_is_a_participant(run):
    x = run("Brightwater Energy took control of Solent Gas in March.")
    (event,) = [e for e in x.events if e.event_type == "Acquisition"]
    assert event.agents == ("organization:brightwater energy",)
    assert event.participants == ("organization:solent gas",)


def test_appointee_is_a_participant(run):
    x = run("The board named Helen Ruiz as chief executive on Tuesday.")
    (event,) = [e for e in x.events if e.event_type == "Appointment"]
    assert "person:helen ruiz" in event.participants


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The senate rejected the bill on Tuesday.", "Vote"),
        ("Ana Volk met Teo Brann at a meeting in Tarsk.", "Negotiation"),
        ("Senator Ivo Kral trounced his rival in the primary.", "Election"),
        ("The institute released a poll of 900 voters.", "StudyPublication"),
        ("Governor Edda Valk arrived in Tarsk for a two-day visit.", "DiplomacyEvent"),
        ("The hacker pleaded guilty to fraud in Tarsk.", "LegalAction"),
        ("The hacker pleaded not guilty to fraud.", "LegalAction"),
        ("Varda Telecom paid a fine of $3 million in May.", "OtherEvent"),
        ("Divers discovered two bodies near the pier.", "OtherEvent"),
        ("Orlen Motors recalled 8,000 vans on Tuesday.", "OtherEvent"),
        ("The militia freed six hostages in Tarsk.", "PrisonerExchange"),
        ("Varda summoned the Kellan ambassador on Tuesday.", "DiplomacyEvent"),
        ("Varda severed diplomatic ties with Kellan.", "DiplomacyEvent"),
        ("The judge dismissed the lawsuit against Orlen Motors.", "LegalAction"),
        ("The court granted bail to the two brothers.", "LegalAction"),
        ("Orlen Motors posted a loss of $300 million.", "FinancialResult"),
        ("Regulators approved the vaccine in May.", "HealthEvent"),
        ("Doctors diagnosed Maria Lopez with cancer in 2011.", "HealthEvent"),
        ("Maria Lopez joined Orlen Motors as chief executive in 2010.", "Appointment"),
        ("Maria Lopez became chief executive of Orlen Motors in 2011.", "Appointment"),
        ("Maria Lopez took over as chief executive in June.", "Appointment"),
        ("The riots in Tarsk on Friday left three people hurt.", "Protest"),
        ("The kidnapping of two engineers shocked Tarsk.", "Capture"),
        ("The army staged a coup in Varda in 1974.", "ConflictEvent"),
        (
            "The inauguration of the new president took place on Monday.",
            "PoliticsEvent",
        ),
        ("Maria Lopez had surgery in Tarsk in 2011.", "HealthEvent"),
        ("Ivo Brann led the 1961 expedition to Greenland.", "OtherEvent"),
        ("The two parties struck an electoral pact on Wednesday.", "Agreement"),
        ("She missed the Olympic trials with a broken foot.", "SportsMatch"),
        ("Orlen Bank collapsed in 2008.", "Closure"),
        ("The roof of the school collapsed on Monday.", "Accident"),
        ("The coalition collapsed in May.", "PoliticsEvent"),
        ("Maria Lopez was suspended from the party.", "Sanction"),
        ("A jury found Ivo Brann guilty of fraud on Monday.", "LegalAction"),
        ("The rover landed on Mars in August.", "ScienceEvent"),
        ("Scientists discovered a new species of frog in Peru.", "OtherEvent"),
        # spaCy lemmatises "fined" as "fin"
        ("The bank was fined $4 million.", "LegalAction"),
        ("The city granted $2 million to the harbour trust.", "Investment"),
        ("Rebels attacked the convoy for the second time on Monday.", "Attack"),
        ("A soldier was killed by enemy fire near Tarsk.", "Attack"),
        # a court's trial, though "phase" is a word of drug trials too
        ("The trial of the traffickers entered its sentencing phase.", "LegalAction"),
    ],
)
def test_more_triggers_name_their_events(run, sentence, kind):
    assert kind in _types(run(sentence))


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Mayor Edda Valk rejected the remarks as unfair.",
        "Senator Ivo Kral attacked Governor Edda Valk's record on taxes.",
        "The plan came under fire from farmers.",
        # what was paid, found, recalled or freed is no event's
        "The rise paid off for the club.",
        "She discovered a love of chess in Tarsk.",
        "He recalled his first day at school.",
        "The new law will free up money for schools.",
        # finding and landing that are no news events
        "She found a way to mend the roof.",
        "The plane landed in Oslo on time.",
        # an expedition that is a figure of speech
        "Critics called it a fishing expedition.",
        # someone joins or becomes something that is no role
        "Maria Lopez joined the choir as a girl.",
        "Maria Lopez became a symbol of hope.",
        # figures reported that are no company's results
        "The ministry reported 300 new cases of flu.",
        # blame in words, not arms
        "The senator attacked the ministry for its handling of the budget.",
        "She attacked the mayor for failing to act.",
        # a plea that is not made in court
        "The mayor pleaded for calm after the match.",
        # a title is won in the match, not captured like a town
        "Rina Holt captured the league title in her debut year.",
    ],
)
def test_everyday_senses_name_no_event(run, sentence):
    assert _types(run(sentence)) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "The bakery on Wednesday began laying off hundreds of workers in Tarsk.",
        "The carmaker will cut a third of its staff in Tarsk.",
    ],
)
def test_job_cuts_count_what_a_quantity_is_of(run, sentence):
    assert "JobCuts" in _types(run(sentence))


@pytest.mark.slow
def test_a_quantity_of_something_else_is_no_job_cut(run):
    assert "JobCuts" not in _types(run("The mill cut a third of its prices in Tarsk."))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The two states signed the border deal in Tarsk on Tuesday.", "border deal"),
        ("The carmaker laid off 300 workers in Tarsk on Monday.", "laid off"),
    ],
)
def test_an_event_label_says_which_event(run, sentence, words):
    labels = [e.label for e in run(sentence).events]
    assert any(words in label for label in labels), labels


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Dana Pike pleaded guilty in Leeds on Monday.", "pleaded guilty"),
        ("Nordvik Motors cut 300 jobs in March.", "cut 300 jobs"),
        ("A district judge sided with the growers in May.", "sided with the growers"),
        ("The plant laid off staff in June.", "laid off staff"),
        ("The two sides held talks in Geneva on Monday.", "held talks"),
        ("Orlen Foods will buy back shares worth $2 billion.", "buy back shares"),
    ],
)
def test_event_label_holds_the_verb_phrase(run, text, label):
    """The label says which event it is: the verb with its particle and object."""
    labels = [e.label for e in run(text).events]
    assert any(lb.startswith(label + " (") for lb in labels), labels


@pytest.mark.parametrize(
    ("text", "kind", "count"),
    [
        # two unrelated events of the catch-all type are not merged into one
        (
            "The ministry announced a recall of its trucks on Monday. "
            "The premier declared a state of emergency on Friday.",
            "OtherEvent",
            2,
        ),
        # a storm and the mudslides it caused are two events of one type
        (
            "A typhoon hit the island of Kellan on Thursday. "
            "Floodwater from the storm set off mudslides near the coast.",
            "NaturalDisaster",
            2,
        ),
        # "an inquiry" and "the investigation" into one matter merge
        (
            "The regulator opened an inquiry into Orlen Freight in May. "
            "The investigation found no wrongdoing by the board.",
            "OtherEvent",
            1,
        ),
        # testing a patient and the outbreak they may have caught are apart
        (
            "An outbreak of measles hit Varna in May. "
            "The clinic is testing a patient from Varna.",
            "Outbreak",
            2,
        ),
        # each index and each company's shares move on their own
        (
            "The Dow Jones industrial average rose 42 points to 17,120. "
            "The Nasdaq Composite added 18 points. The FTSE 100 slipped 0.2%.",
            "MarketMovement",
            3,
        ),
        (
            "Kestrel Foods shares jumped 8% on Monday. "
            "Orlen Motors shares gained 2.4% after its results.",
            "MarketMovement",
            2,
        ),
        # what a relative clause says moved is the noun it hangs on
        (
            "Gains were held back by the Varda utilities index, which ended the "
            "day down 1.2 percent. The Dow Jones industrial average rose 42 points.",
            "MarketMovement",
            2,
        ),
        # a manhunt, a charge, a deportation and a handover are steps of their own
        (
            "Police began a manhunt for Maria Lopez in May. "
            "Prosecutors charged her with fraud. Kellan deported three men. "
            "Four suspects were handed over to Varda.",
            "LegalAction",
            4,
        ),
        # an apology and a visit are two diplomatic events
        (
            "The minister apologised to Kellan for the delay. "
            "She visited Tarsk on Monday.",
            "DiplomacyEvent",
            2,
        ),
        # a figure named twice with no name to tell them apart is one move
        (
            "Operating profit rose 14% to $2 billion. "
            "The rise in profit came from cheaper fuel.",
            "FinancialResult",
            1,
        ),
    ],
)
def test_which_events_of_one_type_merge(run, text, kind, count):
    assert _types(run(text)).count(kind) == count


def test_a_scheduled_event_in_the_present_looks_ahead(run):
    """ "play … on Saturday" in an article of Thursday is the coming Saturday; a noun's
    present-tense verb ("the numbers reverse Monday's poll") still reads back."""
    x = run(
        "Kestrel Town play Marlow Athletic in the cup on Saturday.",
        published="2024-03-14",
    )
    (match,) = [e for e in x.events if e.event_type == "SportsMatch"]
    assert match.date is not None and match.date.value == "2024-03-16"


def test_a_postponement_is_dated_to_its_new_time(run):
    """ "postponed until Saturday" in an article of Thursday: the coming Saturday."""
    x = run("The cup final was postponed until Saturday because of a flooded pitch.")
    dates = [e.date.value for e in x.events if e.date is not None]
    assert dates == ["2025-06-14"]


@pytest.mark.parametrize(
    "sentence",
    [
        # what would follow if something else happened
        "If the talks fail, the army could attack the town.",
        "The bank would sell the unit if the price is right.",
        # what only might happen
        "The rebels could launch an attack on Tarsk.",
        # what someone is asked to do
        "Unions urged the airline to cancel the flights.",
        "Bishops called on the rebels to hold talks with the army.",
        # an event feared or supposed
        "Varda said it was not afraid of an attack.",
        "The threat of a strike hung over the port.",
        "Its answer to such an attack would be swift.",
        "Guards were told of a possible attack on the port.",
        # "in search of" is no search
        "The rover was sent in search of water on Mars.",
        # what someone asks another to do
        "Orlen asked that the commission investigate the dumping.",
        # what someone wants or proposes
        "Kral said he wants a total shutdown of the border.",
        "Groups condemned Kral's proposal to ban imports from Varda.",
        "The union demanded a recount.",
        # a stake, not money put in
        "Both men are invested in ending the feud.",
        # what nearly happened
        "The region is on the brink of war.",
        # what something is done for
        "Rebels moved north in order to attack the base.",
        "Rebels moved north so as to attack the base.",
    ],
)
def test_an_event_that_may_not_happen_is_none(run, sentence):
    assert _types(run(sentence)) == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # the subject of a guess happened: only the guess is uncertain
        ("Police said the attack on Monday could be linked to drugs.", "Attack"),
        ("Officials said the storm may have killed 20 people.", "Casualties"),
        (
            "Hundreds of protesters gathered outside parliament as the vote went ahead.",
            "Protest",
        ),
        # what is blocked, unlike what is held, was going to happen
        ("Lawmakers urged the cabinet to block the envoy's visit.", "DiplomacyEvent"),
    ],
)
def test_an_event_beside_a_guess_or_a_clause_of_time_stays(run, sentence, kind):
    assert kind in _types(run(sentence))


@pytest.mark.parametrize(
    ("text", "placed"),
    [
        ("Gunmen attacked a bus near Lyon on Monday. Six people died.", True),
        # not across a paragraph
        ("Gunmen attacked a bus near Lyon on Monday.\n\nSix people died.", False),
        # nor from a sentence of two places
        ("Gunmen drove from Lyon to Dijon on Monday. Six people died.", False),
    ],
)
def test_a_narrative_in_the_past_goes_on_where_it_was(run, text, placed):
    """An event in the simple past in a sentence that names no place is where the
    sentence before was, in the same paragraph."""
    x = run(text)
    (deaths,) = [e for e in x.events if e.event_type == "Casualties"]
    names = {e.key: e.name for e in x.entities}
    assert ([names[k] for k in deaths.places] == ["Lyon"]) is placed


def test_in_a_match_report_a_strike_is_a_shot_and_a_clash_a_match(run):
    x = run(
        "Rovers beat Ashdown 2-0 in the league match on Saturday, with two goals "
        "from Ivo Brann. Tom Greer's deflected second-half strike gave Kellan a 1-0 "
        "win over Marlow. Kellan's keeper saved a penalty before half-time. Kellan "
        "now face Rovers in a final clash next week."
    )
    assert "Attack" not in _types(x)


def test_the_event_a_definite_noun_refers_back_to_is_of_its_kind(run):
    """ "the expedition" after "paid tribute" is a second event: the catch-all type
    alone does not make them one."""
    x = run(
        "Friends paid tribute to Ivo Brann on Monday. "
        "He took part in the 1961 expedition to Greenland."
    )
    assert len([e for e in x.events if e.event_type == "OtherEvent"]) == 2


def test_two_events_of_a_broad_type_stay_apart_unless_named_alike(run):
    """ "approved the vaccine" and "diagnosed …" are two health events: a broad
    type alone does not make two words one event."""
    x = run(
        "Regulators approved the vaccine in May. "
        "Doctors diagnosed Maria Lopez with cancer in 2011.",
        published=None,
    )
    assert [e.event_type for e in x.events].count("HealthEvent") == 2
